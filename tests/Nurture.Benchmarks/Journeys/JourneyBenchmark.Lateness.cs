using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Nurture.Benchmarks.Harness;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Journeys;

/// <summary>Wake-up lateness: bursts of delayed instances on an otherwise idle host; lateness from the instances' own history.</summary>
public static partial class JourneyBenchmark
{
    private static readonly int[] DelaySeconds = [2, 3, 4, 5];

    private static async Task<List<double>> MeasureLatenessAsync(string connectionString, JourneyPlan plan, TextWriter progress, CancellationToken ct)
    {
        var prefix = NewPrefix();
        var setup = new CountedStorageAccounts(connectionString, prefix);
        try
        {
            var storage = new JourneyStorage(setup, TimeProvider.System);
            await storage.EnsureCreatedAsync(ct).ConfigureAwait(false);
            foreach (var seconds in DelaySeconds)
            {
                await storage.Definitions.PublishAsync(BenchJourneys.Wait(seconds), ct).ConfigureAwait(false);
            }

            var starter = new JourneyStarter(storage, NullLogger<JourneyStarter>.Instance);
            var started = new List<(string InstanceId, int Seconds)>();
            var app = await JourneyBenchHost.StartAsync(connectionString, new CountedStorageAccounts(connectionString, prefix), ct).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                for (var wave = 0; wave < plan.Waves; wave++)
                {
                    // One burst at a time: between a burst's start decisions and its wake-ups the host has nothing to do,
                    // so the listener backs off as it would on a quiet host.
                    var seconds = DelaySeconds[wave % DelaySeconds.Length];
                    var definition = BenchJourneys.Wait(seconds);
                    var ids = new string[plan.InstancesPerWave];
                    await ConcurrentLoop.RunAsync(plan.InstancesPerWave, plan.InstancesPerWave, async (i, token) =>
                    {
                        var now = DateTimeOffset.UtcNow;
                        var contactId = string.Create(CultureInfo.InvariantCulture, $"bw-{wave}-{i}");
                        var pending = JourneyEntryEvaluator.ForApi(definition, new JourneyContact(contactId), "r", [], now).State!;
                        await starter.StartAsync(pending, now, token).ConfigureAwait(false);
                        ids[i] = pending.InstanceId;
                    }, ct).ConfigureAwait(false);
                    foreach (var id in ids)
                    {
                        await Poll.UntilAsync(
                            async () => (await storage.Instances.LoadAsync(id, ct).ConfigureAwait(false))?.State.Status == JourneyStatus.Completed,
                            TimeSpan.FromSeconds(seconds + 60),
                            $"instance {id} to wake up and complete",
                            TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
                        started.Add((id, seconds));
                    }

                    await progress.WriteLineAsync($"  wave {wave + 1}/{plan.Waves} ({seconds} s delay) done").ConfigureAwait(false);
                }

                await app.StopAsync(ct).ConfigureAwait(false);
            }

            var lateness = new List<double>();
            foreach (var (id, seconds) in started)
            {
                lateness.Add(await LatenessAsync(storage, id, seconds, ct).ConfigureAwait(false));
            }

            return lateness;
        }
        finally
        {
            await DeletePrefixedAsync(setup, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The wake-up decision's time minus the due time: the start decision set the timer at its own time plus the
    /// delay, and the wake-up decision is the last one (it exits), both stamped by the host's clock.
    /// </summary>
    private static async Task<double> LatenessAsync(JourneyStorage storage, string instanceId, int seconds, CancellationToken ct)
    {
        var history = await storage.Instances.ReadHistoryAsync(instanceId, ct).ConfigureAwait(false);
        var startedAt = history.First(h => h.Kind == HistoryKind.Started).At;
        var wokeAt = history[^1].At;
        if (history[^1].Kind != HistoryKind.Ended || wokeAt <= startedAt)
        {
            throw new InvalidOperationException($"Instance {instanceId} did not end in a wake-up decision of its own.");
        }

        return (wokeAt - startedAt.AddSeconds(seconds)).TotalMilliseconds;
    }
}
