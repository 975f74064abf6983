using Azure.Storage.Queues;
using Nurture.Benchmarks.Harness;
using Nurture.Storage.Queues;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Runtime;

/// <summary>Latency: each message carries its send timestamp; the probe records how long the app's function took to see it.</summary>
public static partial class RuntimeBenchmark
{
    private const int IdleSamples = 20;
    private static readonly TimeSpan BusyDuration = TimeSpan.FromSeconds(6);

    private static async Task<(List<double> Idle, List<double> Busy)> MeasureLatencyAsync(
        string connectionString, QueueServiceClient queues, CancellationToken ct)
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
            for (var i = 0; i < IdleSamples; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1200)), ct).ConfigureAwait(false);
                var expected = probe.Arrived + 1;
                await queue.EnqueueAsync(InvocationProbe.StampedMessage(), cancellationToken: ct).ConfigureAwait(false);
                await WaitForAsync(() => probe.Arrived >= expected, TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            }

            var idle = probe.TakeLatencies();

            // Busy: steady senders keep the listener fetching.
            var sentCount = 0;
            var stopAt = DateTime.UtcNow + BusyDuration;
            var before = probe.Arrived;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (DateTime.UtcNow < stopAt && !ct.IsCancellationRequested)
                {
                    await queue.EnqueueAsync(InvocationProbe.StampedMessage(), cancellationToken: ct).ConfigureAwait(false);
                    Interlocked.Increment(ref sentCount);
                }
            })).ConfigureAwait(false);
            await WaitForAsync(() => probe.Arrived - before >= Volatile.Read(ref sentCount), TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            var busy = probe.TakeLatencies();
            await app.StopAsync(ct).ConfigureAwait(false);
            await queue.ClearMessagesAsync(ct).ConfigureAwait(false);
            return (idle, busy);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(2, ct).ConfigureAwait(false);
        }
    }
}
