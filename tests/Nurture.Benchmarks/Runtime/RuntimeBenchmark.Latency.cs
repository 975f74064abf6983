using Azure.Storage.Queues;
using Nurture.Benchmarks.Harness;
using Nurture.Storage.Queues;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Runtime;

/// <summary>Latency: each message carries its send timestamp; the probe records how long the app's function took to see it.</summary>
public static partial class RuntimeBenchmark
{
    private static async Task<(List<double> Idle, List<double> Busy)> MeasureLatencyAsync(
        string connectionString, QueueServiceClient queues, RuntimePlan plan, CancellationToken ct)
    {
        var queue = queues.GetQueueClient(InboundQueue.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        var probe = new InvocationProbe();
        var storage = new CountedStorageAccounts(connectionString);
        var app = await NurtureAppHost.StartAsync(connectionString, storage, storage, IdlePollingInterval, null, probe, ct).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            // Idle: one message at a time after a pause long enough for the listener to back off.
            var random = new Random(42);
            for (var i = 0; i < plan.IdleSamples; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1200)), ct).ConfigureAwait(false);
                var expected = probe.Arrived + 1;
                await queue.EnqueueAsync(InvocationProbe.StampedMessage(), cancellationToken: ct).ConfigureAwait(false);
                await WaitForAsync(() => probe.Arrived >= expected, TimeSpan.FromSeconds(10), "an idle message", ct).ConfigureAwait(false);
            }

            var idle = probe.TakeLatencies();

            // Busy: steady senders keep the listener fetching.
            var sentCount = 0;
            var stopAt = DateTime.UtcNow + plan.BusyDuration;
            var before = probe.Arrived;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (DateTime.UtcNow < stopAt && !ct.IsCancellationRequested)
                {
                    await queue.EnqueueAsync(InvocationProbe.StampedMessage(), cancellationToken: ct).ConfigureAwait(false);
                    Interlocked.Increment(ref sentCount);
                }
            })).ConfigureAwait(false);
            await WaitForAsync(() => probe.Arrived - before >= Volatile.Read(ref sentCount), TimeSpan.FromSeconds(30), "the busy messages", ct).ConfigureAwait(false);
            var busy = probe.TakeLatencies();
            await app.StopAsync(ct).ConfigureAwait(false);
            await queue.ClearMessagesAsync(ct).ConfigureAwait(false);
            return (idle, busy);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a miss means the probe no longer sees the app's invocations.</summary>
    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"ProcessInboundEvent did not log skipping {what} within {timeout.TotalSeconds:F0} s: has its body-gone log (event 4104) or the skip changed?");
            }

            await Task.Delay(2, ct).ConfigureAwait(false);
        }
    }
}
