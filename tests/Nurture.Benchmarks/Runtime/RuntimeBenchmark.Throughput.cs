using System.Diagnostics;
using Azure.Storage.Queues;
using Nurture.Functions.Catalog;
using Nurture.Storage.Queues;

namespace Nurture.Benchmarks.Runtime;

/// <summary>Throughput: the listener against the raw loop, each draining its own pre-filled queue.</summary>
public static partial class RuntimeBenchmark
{
    private const string NoOp = nameof(NoOp);

    private static async Task<double> MeasureRawLoopAsync(QueueServiceClient queues, CancellationToken ct)
    {
        var queue = await FillAsync(queues, "bench-raw", ct).ConfigureAwait(false);
        var done = 0;
        var watch = Stopwatch.StartNew();
        async Task LoopAsync()
        {
            while (Volatile.Read(ref done) < ThroughputMessages && !ct.IsCancellationRequested)
            {
                var batch = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromMinutes(1), ct).ConfigureAwait(false)).Value;
                await Task.WhenAll(batch.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct))).ConfigureAwait(false);
                Interlocked.Add(ref done, batch.Length);
            }
        }

        await Task.WhenAll(LoopAsync(), LoopAsync()).ConfigureAwait(false);
        var rate = done / watch.Elapsed.TotalSeconds;
        await queue.DeleteIfExistsAsync(ct).ConfigureAwait(false);
        return rate;
    }

    private static async Task<double> MeasureListenerThroughputAsync(string connectionString, QueueServiceClient queues, CancellationToken ct)
    {
        var queue = await FillAsync(queues, "bench-listener", ct).ConfigureAwait(false);
        var storage = new CountingStorageAccounts(connectionString);
        var function = new QueueFunction(NoOp, new QueueTrigger("%BenchQueue%"), (_, _) => Task.CompletedTask);
        var app = await BenchmarkHost.StartAsync(connectionString, storage, function, queue.Name, TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);

        // The listener polls as soon as the host has started; Kestrel's start-up is not part of the figure.
        var watch = Stopwatch.StartNew();
        await using (app.ConfigureAwait(false))
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (storage.Deleted < ThroughputMessages && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5, ct).ConfigureAwait(false);
            }

            var rate = storage.Deleted / watch.Elapsed.TotalSeconds;
            await app.StopAsync(ct).ConfigureAwait(false);
            await queue.DeleteIfExistsAsync(ct).ConfigureAwait(false);
            return rate;
        }
    }

    private static async Task<QueueClient> FillAsync(QueueServiceClient queues, string prefix, CancellationToken ct)
    {
        var queue = queues.GetQueueClient($"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < ThroughputMessages)
            {
                await queue.EnqueueAsync("{\"noop\":true}", cancellationToken: ct).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        return queue;
    }
}
