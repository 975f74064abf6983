using System.Diagnostics;
using Azure.Storage.Queues;
using Nurture.Benchmarks.Harness;
using Nurture.Storage.Queues;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Runtime;

/// <summary>Throughput: the app's queue function on the local host against the raw loop, each draining its own pre-filled queue.</summary>
public static partial class RuntimeBenchmark
{
    private static async Task<double> MeasureRawLoopAsync(QueueServiceClient queues, int messages, CancellationToken ct)
    {
        var queue = queues.GetQueueClient("bench-raw-" + Guid.NewGuid().ToString("N")[..12]);
        await FillAsync(queue, messages, ct).ConfigureAwait(false);
        var done = 0;
        var watch = Stopwatch.StartNew();
        async Task LoopAsync()
        {
            while (Volatile.Read(ref done) < messages && !ct.IsCancellationRequested)
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

    private static async Task<double> MeasureListenerThroughputAsync(string connectionString, QueueServiceClient queues, int messages, CancellationToken ct)
    {
        var queue = queues.GetQueueClient(InboundQueue.QueueName);
        await FillAsync(queue, messages, ct).ConfigureAwait(false);
        var storage = new CountedStorageAccounts(connectionString);
        var app = await NurtureAppHost.StartAsync(connectionString, storage, storage, TimeSpan.FromMilliseconds(200), null, null, ct).ConfigureAwait(false);

        // The listener polls as soon as its hosted service has started; the rest of the host's start-up (Kestrel,
        // the Durable engine) is not part of the figure, nor are the messages it completed meanwhile.
        var watch = Stopwatch.StartNew();
        var atStart = storage.Counter.InboundDeletes;
        await using (app.ConfigureAwait(false))
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (storage.Counter.InboundDeletes < messages && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5, ct).ConfigureAwait(false);
            }

            var rate = (storage.Counter.InboundDeletes - atStart) / watch.Elapsed.TotalSeconds;
            await app.StopAsync(ct).ConfigureAwait(false);
            await queue.ClearMessagesAsync(ct).ConfigureAwait(false);
            return rate;
        }
    }

    /// <summary>Creates the queue and puts <paramref name="messages"/> body-less deliveries on it.</summary>
    private static async Task FillAsync(QueueClient queue, int messages, CancellationToken ct)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < messages)
            {
                await queue.EnqueueAsync(InvocationProbe.StampedMessage(), cancellationToken: ct).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
    }
}
