using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Nurture.Benchmarks.Harness;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Journeys;
using Nurture.Storage.Connections;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Journeys;

/// <summary>Step transitions: many instances started at once, run to the end by the real host, next to the storage-op ceiling.</summary>
public static partial class JourneyBenchmark
{
    private static async Task<TransitionMeasurement> MeasureTransitionsAsync(string connectionString, JourneyPlan plan, TextWriter progress, CancellationToken ct)
    {
        var prefix = NewPrefix();
        var setup = new CountedStorageAccounts(connectionString, prefix);
        try
        {
            var storage = new JourneyStorage(setup, TimeProvider.System);
            await storage.EnsureCreatedAsync(ct).ConfigureAwait(false);
            await storage.Definitions.PublishAsync(BenchJourneys.Steps, ct).ConfigureAwait(false);
            await storage.Templates.SaveAsync(BenchJourneys.EmailTemplate, ct).ConfigureAwait(false);
            await progress.WriteLineAsync($"  starting {plan.Instances:N0} instances of {BenchJourneys.StepsId}...").ConfigureAwait(false);
            await StartInstancesAsync(storage, plan.Instances, ct).ConfigureAwait(false);

            var counted = new CountedStorageAccounts(connectionString, prefix);
            var work = setup.GetQueueService(StorageConnectionSettings.DefaultConnectionName).GetQueueClient(JourneyWorkQueue.QueueName);
            var clock = Stopwatch.StartNew();
            var app = await JourneyBenchHost.StartAsync(connectionString, counted, ct).ConfigureAwait(false);
            double seconds;
            long requests;
            IReadOnlyDictionary<StorageRequestKind, long> byKind;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await using (app.ConfigureAwait(false))
            {
                // A message is deleted only after its handler finished, so an empty queue means every instance was advanced.
                await Poll.UntilAsync(
                    async () => await work.GetApproximateMessageCountAsync().ConfigureAwait(false) == 0,
                    TimeSpan.FromMinutes(20),
                    "the journey-work queue to drain",
                    TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
                seconds = clock.Elapsed.TotalSeconds;
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                requests = counted.Counter.Count;
                byKind = counted.Counter.ByKind();
                await app.StopAsync(ct).ConfigureAwait(false);
            }

            var completed = await storage.Instances.ListAsync(BenchJourneys.StepsId, JourneyStatus.Completed, plan.Instances + 1, ct).ConfigureAwait(false);
            if (completed.Count != plan.Instances)
            {
                throw new InvalidOperationException($"{completed.Count} of {plan.Instances} instances completed; the run does not count.");
            }

            // One AdvanceJourney decision (the Start trigger) moves each instance through its three nodes.
            var transitions = plan.Instances;
            await progress.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {transitions:N0} transitions in {seconds:F1} s, {(double)requests / transitions:F2} requests each ({Breakdown(byKind, transitions)}), host CPU {cpu.TotalMilliseconds / transitions:F2} ms each")).ConfigureAwait(false);

            // The raw mix reads the instances just run (state and history rows) and writes beside them, so it meets
            // tables of the size the runner met.
            var mix = RawStorageMix.Plan(byKind, plan.RawOperations);
            var instances = setup.GetTableService(StorageConnectionSettings.DefaultConnectionName).GetTableClient(JourneyStorageNames.Default.Instances);
            var queues = StorageAccount.FromConnectionString(connectionString).Queues;
            var raw = await RawStorageMix.MeasureAsync(instances, completed.Select(c => c.InstanceId).ToList(), queues, mix, JourneyBenchHost.ListenerParallelism, Payload, ct).ConfigureAwait(false);
            return new TransitionMeasurement(transitions / seconds, (double)requests / transitions, raw);
        }
        finally
        {
            await DeletePrefixedAsync(setup, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Seeds one consenting contact per instance and starts the instances as the start endpoint does (state, Start message, index).</summary>
    private static async Task StartInstancesAsync(JourneyStorage storage, int count, CancellationToken ct)
    {
        var starter = new JourneyStarter(storage, NullLogger<JourneyStarter>.Instance);
        var consent = new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Granted };
        await ConcurrentLoop.RunAsync(count, 16, async (i, token) =>
        {
            var contactId = string.Create(CultureInfo.InvariantCulture, $"bc-{i:D6}");
            var contact = new JourneyContact(contactId, "UTC", Consent: consent, HasEmail: true);
            await storage.Contacts.SaveAsync(new JourneyRecipient(contact, $"shopper{i}@example.com", null, "Sam"), token).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            var pending = JourneyEntryEvaluator.ForApi(BenchJourneys.Steps, contact, "r" + i, [], now).State
                ?? throw new InvalidOperationException($"Contact {contactId} was not admitted.");
            await starter.StartAsync(pending, now, token).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    private static string Breakdown(IReadOnlyDictionary<StorageRequestKind, long> byKind, int per) =>
        string.Join(", ", byKind.Where(p => p.Value > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {(double)p.Value / per:F2}")));

    private sealed record TransitionMeasurement(double TransitionsPerSecond, double RequestsPerTransition, double RawOpsPerSecond);
}
