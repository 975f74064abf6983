using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Benchmarks.Harness;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Journeys;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.LocalHost;
using Nurture.Storage.Journeys;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// Sends per second: every instance started at once (16 starts in flight) on a running host, timed from the first
/// start to the last message reaching the channel, with every storage request of the process in that window counted.
/// </summary>
public static partial class JourneyBenchmark
{
    /// <summary>Starts in flight at once, as a batch start or a burst of entry events would issue them.</summary>
    private const int StartConcurrency = 16;

    private static readonly Dictionary<MessageChannel, ConsentStatus> EmailConsent = new() { [MessageChannel.Email] = ConsentStatus.Granted };

    private static Task<SendMeasurement> MeasureJourneySendsAsync(string connectionString, JourneyPlan plan, TextWriter progress, CancellationToken ct) =>
        MeasureSendsAsync(
            "journey",
            connectionString,
            plan,
            progress,
            (storage, hub, channel, _) => JourneyBenchHost.BuildNurture(connectionString, hub, storage, channel),
            async (app, _, token) =>
            {
                var journeys = app.Services.GetRequiredService<JourneyStorage>();
                await journeys.EnsureCreatedAsync(token).ConfigureAwait(false);
                await journeys.Definitions.PublishAsync(BenchJourneys.Send, token).ConfigureAwait(false);
                await journeys.Templates.SaveAsync(BenchJourneys.EmailTemplate, token).ConfigureAwait(false);
                await ConcurrentLoop.RunAsync(plan.Instances, StartConcurrency, (i, t) => journeys.Contacts.SaveAsync(
                    new JourneyRecipient(new JourneyContact(ContactId(i), "UTC", Consent: EmailConsent, HasEmail: true), Email(i), null, "Sam"), t), token).ConfigureAwait(false);
                var starter = app.Services.GetRequiredService<JourneyStarter>();
                var client = app.Services.GetRequiredService<DurableTaskClient>();
                var contexts = app.Services.GetRequiredService<JourneyContextLoader>();
                Func<int, CancellationToken, Task> start = async (i, t) =>
                {
                    // As the start endpoint does: the entry decision for the contact, its decision context loaded up front
                    // (which saves the first decision an activity), then the Durable start and the index row.
                    var now = DateTimeOffset.UtcNow;
                    var contact = new JourneyContact(ContactId(i), "UTC", Consent: EmailConsent, HasEmail: true);
                    var pending = JourneyEntryEvaluator.ForApi(BenchJourneys.Send, contact, "r" + i.ToString(CultureInfo.InvariantCulture), [], now).State
                        ?? throw new InvalidOperationException($"Contact {contact.ContactId} was not admitted.");
                    var context = await contexts.LoadAsync(new LoadContextRequest(contact.ContactId, null, false, now), t).ConfigureAwait(false);
                    await starter.StartAsync(client, pending, BenchJourneys.Send, context, now, t).ConfigureAwait(false);
                };
                return start;
            },
            ct);

    private static Task<SendMeasurement> MeasureBaselineSendsAsync(string connectionString, JourneyPlan plan, TextWriter progress, CancellationToken ct) =>
        MeasureSendsAsync(
            "baseline",
            connectionString,
            plan,
            progress,
            (storage, hub, channel, folder) => JourneyBenchHost.BuildBaseline(connectionString, hub, storage, channel, folder),
            async (app, storage, token) =>
            {
                // The outbox's tables, as the app's start-up creates them for the journey side.
                await new JourneyStorage(storage, TimeProvider.System).EnsureCreatedAsync(token).ConfigureAwait(false);
                var client = app.Services.GetRequiredService<DurableTaskClient>();
                Func<int, CancellationToken, Task> start = (i, t) => client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(BaselineFunctions.BaselineOrchestration),
                    new BaselineSend("bm-" + ContactId(i), ContactId(i), Email(i), "Sam"),
                    new StartOrchestrationOptions("bench-baseline-" + ContactId(i)),
                    t);
                return start;
            },
            ct);

    private static async Task<SendMeasurement> MeasureSendsAsync(
        string side,
        string connectionString,
        JourneyPlan plan,
        TextWriter progress,
        Func<BenchStorage, string, Func<IMessageChannel, IMessageChannel>, DirectoryInfo, LocalFunctionHostApp> build,
        Func<LocalFunctionHostApp, BenchStorage, CancellationToken, Task<Func<int, CancellationToken, Task>>> prepare,
        CancellationToken ct)
    {
        var storage = new BenchStorage(connectionString, NewPrefix());
        var hub = JourneyBenchHost.NewHubName();
        var folder = Directory.CreateTempSubdirectory("nurture-bench-journeys-");
        SendProbe? probe = null;
        try
        {
            var app = build(storage, hub, outbox => probe = new SendProbe(outbox, plan.Instances), folder);
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                var start = await prepare(app, storage, ct).ConfigureAwait(false);
                probe = (SendProbe)app.Services.GetRequiredService<IMessageChannel>();
                await progress.WriteLineAsync($"  {side}: starting {plan.Instances:N0} instances...").ConfigureAwait(false);
                using var tally = new StorageRequestTally(connectionString);
                tally.Start();
                var clock = Stopwatch.StartNew();
                await ConcurrentLoop.RunAsync(plan.Instances, StartConcurrency, start, ct).ConfigureAwait(false);
                var started = clock.Elapsed;
                try
                {
                    await probe.All.WaitAsync(TimeSpan.FromMinutes(30), ct).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    throw new InvalidOperationException($"{side}: {probe.Distinct} of {plan.Instances} messages reached the channel in time; the run does not count.");
                }

                var seconds = clock.Elapsed.TotalSeconds;
                tally.Stop();
                var measured = new SendMeasurement(plan.Instances / seconds, (double)tally.Count / plan.Instances, Breakdown(tally, plan.Instances));
                await progress.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {side}: {plan.Instances:N0} sends in {seconds:F1} s (all started after {started.TotalSeconds:F1} s), {measured.SendsPerSecond:F1} sends/s, {measured.RequestsPerSend:F1} storage requests each ({measured.Breakdown}); channel calls {probe.Calls}")).ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return measured;
            }
        }
        finally
        {
            await JourneyBenchHost.DeleteHubAsync(connectionString, hub, CancellationToken.None).ConfigureAwait(false);
            await storage.DeleteAllAsync(CancellationToken.None).ConfigureAwait(false);
            folder.Delete(recursive: true);
        }
    }

    private static string ContactId(int i) => string.Create(CultureInfo.InvariantCulture, $"bc-{i:D6}");

    private static string Email(int i) => string.Create(CultureInfo.InvariantCulture, $"shopper{i}@example.com");

    private static string Breakdown(StorageRequestTally tally, int per) =>
        string.Join(", ", tally.ByKind().Where(p => p.Value > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {(double)p.Value / per:F2}"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"of which blob {(double)tally.Blob / per:F2}")));

    private sealed record SendMeasurement(double SendsPerSecond, double RequestsPerSend, string Breakdown);
}
