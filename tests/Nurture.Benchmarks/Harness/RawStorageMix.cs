using System.Collections.Concurrent;
using System.Diagnostics;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Harness;

/// <summary>
/// The storage-operation ceiling for a unit of work: raw table and queue operations in the same proportions, by
/// <see cref="StorageRequestKind"/>, as the counted requests of that work, run on as many workers as the work had
/// in flight. Nothing but the storage calls is timed.
/// </summary>
internal static class RawStorageMix
{
    private const int PointRows = 500;
    private const int QueryPartitions = 100;
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);

    /// <summary>The operations run, by kind, for <paramref name="total"/> operations in the proportions of <paramref name="counted"/>.</summary>
    public static IReadOnlyDictionary<StorageRequestKind, int> Plan(IReadOnlyDictionary<StorageRequestKind, long> counted, int total)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var mixable = counted.Where(p => p.Key != StorageRequestKind.Other && p.Value > 0).ToList();
        var sum = mixable.Sum(p => p.Value);
        return mixable.ToDictionary(p => p.Key, p => Math.Max(1, (int)Math.Round(total * (double)p.Value / sum)));
    }

    /// <summary>Runs the mix on fresh storage and returns raw operations per second.</summary>
    public static async Task<double> MeasureAsync(
        ITableService tables, IQueueService queues, IReadOnlyDictionary<StorageRequestKind, int> plan, int concurrency, string payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var table = tables.GetTableClient("benchmix" + suffix);
        var queue = queues.GetQueueClient("benchmix-" + suffix);
        await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        await queue.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        try
        {
            var held = await PrepareAsync(table, queue, plan, payload, ct).ConfigureAwait(false);
            var operations = Shuffle(plan);
            var clock = Stopwatch.StartNew();
            await ConcurrentLoop.RunAsync(operations.Count, concurrency, (i, token) => RunAsync(operations[i], i, table, queue, held, payload, token), ct).ConfigureAwait(false);
            return operations.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteIfExistsAsync(CancellationToken.None).ConfigureAwait(false);
            await queue.DeleteIfExistsAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Preloads rows to read and query, fills the queue, and receives the messages the deletes and updates use.</summary>
    private static async Task<ConcurrentQueue<QueueMessage>> PrepareAsync(
        ITableClient table, IQueueClient queue, IReadOnlyDictionary<StorageRequestKind, int> plan, string payload, CancellationToken ct)
    {
        await ConcurrentLoop.RunAsync(PointRows, 16, (i, token) => table.UpsertAsync(Entity("p" + i, string.Empty, payload), TableUpdateMode.Replace, token), ct).ConfigureAwait(false);
        await ConcurrentLoop.RunAsync(QueryPartitions, 16, (i, token) => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpsertReplace, Entity("q" + i, "a", payload)),
                new(TableTransactionActionType.UpsertReplace, Entity("q" + i, "b", payload)),
            ],
            token), ct).ConfigureAwait(false);
        var toHold = Count(plan, StorageRequestKind.QueueDelete) + Count(plan, StorageRequestKind.QueueUpdate);
        var messages = toHold + (Count(plan, StorageRequestKind.QueueReceive) * 16);
        await ConcurrentLoop.RunAsync(messages, 16, (_, token) => queue.SendAsync(payload[..Math.Min(200, payload.Length)], cancellationToken: token), ct).ConfigureAwait(false);
        var held = new ConcurrentQueue<QueueMessage>();
        while (held.Count < toHold)
        {
            var batch = await queue.ReceiveAsync(Math.Min(32, toHold - held.Count), Hold, ct).ConfigureAwait(false);
            foreach (var message in batch)
            {
                held.Enqueue(message);
            }
        }

        return held;
    }

    private static Task RunAsync(StorageRequestKind kind, int i, ITableClient table, IQueueClient queue, ConcurrentQueue<QueueMessage> held, string payload, CancellationToken ct) => kind switch
    {
        StorageRequestKind.TablePointRead => table.GetAsync("p" + (i % PointRows), string.Empty, cancellationToken: ct),
        StorageRequestKind.TableQuery => table.QueryAsync(TableQuery.ForPartition("q" + (i % QueryPartitions)), ct).ToListAsync(ct).AsTask(),
        StorageRequestKind.TableWrite => table.UpsertAsync(Entity("w" + i, string.Empty, payload), TableUpdateMode.Replace, ct),
        StorageRequestKind.TableBatch => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpsertReplace, Entity("b" + i, "state", payload)),
                new(TableTransactionActionType.UpsertReplace, Entity("b" + i, "h-00000001", payload)),
            ],
            ct),
        StorageRequestKind.QueueSend => queue.SendAsync(payload[..Math.Min(200, payload.Length)], cancellationToken: ct),
        StorageRequestKind.QueueReceive => queue.ReceiveAsync(16, Hold, ct),
        StorageRequestKind.QueueDelete => Take(held, m => queue.DeleteAsync(m.MessageId, m.PopReceipt, ct)),
        StorageRequestKind.QueueUpdate => Take(held, m => queue.UpdateAsync(m.MessageId, m.PopReceipt, Hold, cancellationToken: ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not part of a raw mix."),
    };

    private static Task Take(ConcurrentQueue<QueueMessage> held, Func<QueueMessage, Task> operation) =>
        held.TryDequeue(out var message) ? operation(message) : throw new InvalidOperationException("The raw mix ran out of received messages.");

    private static int Count(IReadOnlyDictionary<StorageRequestKind, int> plan, StorageRequestKind kind) => plan.GetValueOrDefault(kind);

    private static List<StorageRequestKind> Shuffle(IReadOnlyDictionary<StorageRequestKind, int> plan)
    {
        var operations = plan.SelectMany(p => Enumerable.Repeat(p.Key, p.Value)).ToList();
        var random = new Random(7);
        for (var i = operations.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (operations[i], operations[j]) = (operations[j], operations[i]);
        }

        return operations;
    }

    private static TableEntity Entity(string partitionKey, string rowKey, string payload) =>
        new(partitionKey, rowKey) { { "Json", payload }, { "At", DateTimeOffset.UtcNow } };
}
