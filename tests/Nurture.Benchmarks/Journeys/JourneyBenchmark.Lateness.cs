using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Benchmarks.Harness;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Journeys;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Storage.Journeys;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// Timer lateness: bursts of journeys that wait 2–5 s and exit, one burst at a time on an otherwise idle host (so the
/// engine's queue polling has backed off, as on a quiet host); lateness from the instances' own timelines.
/// </summary>
public static partial class JourneyBenchmark
{
    private static readonly int[] DelaySeconds = [2, 3, 4, 5];

    private static async Task<List<double>> MeasureLatenessAsync(string connectionString, JourneyPlan plan, TextWriter progress, CancellationToken ct)
    {
        var storage = new BenchStorage(connectionString, NewPrefix());
        var hub = JourneyBenchHost.NewHubName();
        try
        {
            var app = JourneyBenchHost.BuildNurture(connectionString, hub, storage, channel: null);
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                var journeys = app.Services.GetRequiredService<JourneyStorage>();
                await journeys.EnsureCreatedAsync(ct).ConfigureAwait(false);
                foreach (var seconds in DelaySeconds)
                {
                    await journeys.Definitions.PublishAsync(BenchJourneys.Wait(seconds), ct).ConfigureAwait(false);
                }

                var starter = app.Services.GetRequiredService<JourneyStarter>();
                var client = app.Services.GetRequiredService<DurableTaskClient>();
                var contexts = app.Services.GetRequiredService<JourneyContextLoader>();
                var started = new List<(string InstanceId, int Seconds)>();
                for (var wave = 0; wave < plan.Waves; wave++)
                {
                    var ids = new (string InstanceId, int Seconds)[plan.TimersPerWave];
                    await ConcurrentLoop.RunAsync(plan.TimersPerWave, plan.TimersPerWave, async (i, token) =>
                    {
                        var seconds = DelaySeconds[i % DelaySeconds.Length];
                        var definition = BenchJourneys.Wait(seconds);
                        var contact = new JourneyContact(string.Create(CultureInfo.InvariantCulture, $"bw-{wave}-{i}"));
                        await journeys.Contacts.SaveAsync(new JourneyRecipient(contact, null, null, "Sam"), token).ConfigureAwait(false);
                        var now = DateTimeOffset.UtcNow;
                        var pending = JourneyEntryEvaluator.ForApi(definition, contact, "r", [], now).State
                            ?? throw new InvalidOperationException($"Contact {contact.ContactId} was not admitted.");
                        var context = await contexts.LoadAsync(new LoadContextRequest(contact.ContactId, null, false, now), token).ConfigureAwait(false);
                        await starter.StartAsync(client, pending, definition, context, now, token).ConfigureAwait(false);
                        ids[i] = (pending.InstanceId, seconds);
                    }, ct).ConfigureAwait(false);
                    foreach (var (id, seconds) in ids)
                    {
                        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        deadline.CancelAfter(TimeSpan.FromSeconds(seconds + 60));
                        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, deadline.Token).ConfigureAwait(false);
                        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                        {
                            throw new InvalidOperationException($"Instance {id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
                        }
                    }

                    started.AddRange(ids);
                    await progress.WriteLineAsync($"  lateness: burst {wave + 1}/{plan.Waves} done").ConfigureAwait(false);
                }

                var lateness = new List<double>();
                foreach (var (id, seconds) in started)
                {
                    lateness.Add(await LatenessAsync(journeys, id, seconds, ct).ConfigureAwait(false));
                }

                await progress.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  lateness: {lateness.Count} timers, min {lateness.Min():F0} ms, p50 {Percentiles.Of(lateness, 50):F0} ms, p99 {Percentiles.Of(lateness, 99):F0} ms, max {lateness.Max():F0} ms, early {lateness.Count(l => l < 0)}")).ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return lateness;
            }
        }
        finally
        {
            await JourneyBenchHost.DeleteHubAsync(connectionString, hub, CancellationToken.None).ConfigureAwait(false);
            await storage.DeleteAllAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The wake-up decision's time minus the due time. The start decision armed the delay at its own time plus the
    /// delay; the wake-up decision is the last one (it exits). Both are the orchestration's <c>CurrentUtcDateTime</c>
    /// when it decided, so an early timer would show as a negative figure unless the orchestration re-armed it.
    /// </summary>
    private static async Task<double> LatenessAsync(JourneyStorage journeys, string instanceId, int seconds, CancellationToken ct)
    {
        var history = await journeys.Instances.ReadHistoryAsync(instanceId, ct).ConfigureAwait(false);
        var startedAt = history.First(h => h.Kind == HistoryKind.Started).At;
        var ended = history[^1];
        if (ended.Kind != HistoryKind.Ended || ended.At <= startedAt)
        {
            throw new InvalidOperationException($"Instance {instanceId} did not end in a wake-up decision of its own.");
        }

        return (ended.At - startedAt.AddSeconds(seconds)).TotalMilliseconds;
    }
}
