using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using Nurture.Functions.Catalog;
using Nurture.Storage.Queues;

namespace Nurture.Benchmarks.Runtime;

/// <summary>Latency: each message carries its send timestamp; the handler records how long it took to arrive.</summary>
public static partial class RuntimeBenchmark
{
    private const string Probe = nameof(Probe);
    private const int IdleSamples = 20;
    private static readonly TimeSpan BusyDuration = TimeSpan.FromSeconds(6);

    private static async Task<(List<double> Idle, List<double> Busy)> MeasureLatencyAsync(
        string connectionString, QueueServiceClient queues, CancellationToken ct)
    {
        var queue = queues.GetQueueClient($"bench-latency-{Guid.NewGuid():N}"[..26]);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        var latencies = new ConcurrentQueue<double>();
        var arrived = 0;
        var function = new QueueFunction(Probe, new QueueTrigger("%BenchQueue%"), (message, _) =>
        {
            var sent = long.Parse(message.Text, CultureInfo.InvariantCulture);
            latencies.Enqueue(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            Interlocked.Increment(ref arrived);
            return Task.CompletedTask;
        });
        var storage = new CountingStorageAccounts(connectionString);
        var app = await BenchmarkHost.StartAsync(connectionString, storage, function, queue.Name, IdlePollingInterval, ct).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            // Idle: one message at a time after a pause long enough for the listener to back off.
            var random = new Random(42);
            for (var i = 0; i < IdleSamples; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1200)), ct).ConfigureAwait(false);
                var expected = Volatile.Read(ref arrived) + 1;
                await queue.EnqueueAsync(Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), cancellationToken: ct).ConfigureAwait(false);
                await WaitForAsync(() => Volatile.Read(ref arrived) >= expected, TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            }

            var idle = latencies.ToList();
            latencies.Clear();

            // Busy: steady senders keep the listener fetching.
            var sentCount = 0;
            var stopAt = DateTime.UtcNow + BusyDuration;
            var before = Volatile.Read(ref arrived);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (DateTime.UtcNow < stopAt && !ct.IsCancellationRequested)
                {
                    await queue.EnqueueAsync(Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), cancellationToken: ct).ConfigureAwait(false);
                    Interlocked.Increment(ref sentCount);
                }
            })).ConfigureAwait(false);
            await WaitForAsync(() => Volatile.Read(ref arrived) - before >= sentCount, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            var busy = latencies.ToList();
            await app.StopAsync(ct).ConfigureAwait(false);
            await queue.DeleteIfExistsAsync(ct).ConfigureAwait(false);
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
