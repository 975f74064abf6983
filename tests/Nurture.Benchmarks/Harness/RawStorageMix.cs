using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
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
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);

    /// <summary>The operations run, by kind, for <paramref name="total"/> operations in the proportions of <paramref name="counted"/>.</summary>
    public static IReadOnlyDictionary<StorageRequestKind, int> Plan(IReadOnlyDictionary<StorageRequestKind, long> counted, int total)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var mixable = counted.Where(p => p.Key != StorageRequestKind.Other && p.Value > 0).ToList();
        var sum = mixable.Sum(p => p.Value);
        return mixable.ToDictionary(p => p.Key, p => Math.Max(1, (int)Math.Round(total * (double)p.Value / sum)));
    }

    /// <summary>
    /// Runs the mix and returns raw operations per second. Reads and queries go to <paramref name="partitions"/> of
    /// <paramref name="table"/> (each with a <c>state</c> row and at least one more), writes add rows beside them:
    /// the emulator's cost per operation grows with the table, so the raw mix runs on the tables the work filled.
    /// Queue operations use a fresh queue.
    /// </summary>
    public static async Task<double> MeasureAsync(
        TableClient table, IReadOnlyList<string> partitions, QueueServiceClient queues, IReadOnlyDictionary<StorageRequestKind, int> plan, int concurrency, string payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentOutOfRangeException.ThrowIfZero(partitions.Count);
        ArgumentNullException.ThrowIfNull(plan);
        var queue = queues.GetQueueClient("benchmix-" + Guid.NewGuid().ToString("N")[..10]);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        try
        {
            var held = await PrepareQueueAsync(queue, plan, payload, ct).ConfigureAwait(false);
            var operations = Shuffle(plan);
            var target = new Target(table, partitions, queue, held, payload);
            var clock = Stopwatch.StartNew();
            await ConcurrentLoop.RunAsync(operations.Count, concurrency, (i, token) => RunAsync(operations[i], i, target, token), ct).ConfigureAwait(false);
            return operations.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Fills the queue and receives the messages the deletes and updates use.</summary>
    private static async Task<ConcurrentQueue<QueueMessage>> PrepareQueueAsync(
        QueueClient queue, IReadOnlyDictionary<StorageRequestKind, int> plan, string payload, CancellationToken ct)
    {
        var toHold = Count(plan, StorageRequestKind.QueueDelete) + Count(plan, StorageRequestKind.QueueUpdate);
        var messages = toHold + (Count(plan, StorageRequestKind.QueueReceive) * 16);
        await ConcurrentLoop.RunAsync(messages, 16, (_, token) => queue.EnqueueAsync(payload[..Math.Min(200, payload.Length)], cancellationToken: token), ct).ConfigureAwait(false);
        var held = new ConcurrentQueue<QueueMessage>();
        while (held.Count < toHold)
        {
            var batch = (await queue.ReceiveMessagesAsync(Math.Min(32, toHold - held.Count), Hold, ct).ConfigureAwait(false)).Value;
            foreach (var message in batch)
            {
                held.Enqueue(message);
            }
        }

        return held;
    }

    private static Task RunAsync(StorageRequestKind kind, int i, Target to, CancellationToken ct) => kind switch
    {
        StorageRequestKind.TablePointRead => to.Table.FindAsync(to.Partitions[i % to.Partitions.Count], "state", cancellationToken: ct),
        StorageRequestKind.TableQuery => ReadAllAsync(to.Table.QueryAsync<TableEntity>(TableFilters.Partition(to.Partitions[i % to.Partitions.Count]), cancellationToken: ct), ct),
        StorageRequestKind.TableWrite => to.Table.UpsertAsync(Entity("raw-w" + i, string.Empty, to.Payload), TableUpdateMode.Replace, ct),
        StorageRequestKind.TableBatch => to.Table.SubmitCheckedAsync(
            [
                new(TableTransactionActionType.UpsertReplace, Entity("raw-b" + i, "state", to.Payload)),
                new(TableTransactionActionType.UpsertReplace, Entity("raw-b" + i, "h-00000001", to.Payload)),
            ],
            ct),
        StorageRequestKind.QueueSend => to.Queue.EnqueueAsync(to.Payload[..Math.Min(200, to.Payload.Length)], cancellationToken: ct),
        StorageRequestKind.QueueReceive => to.Queue.ReceiveMessagesAsync(16, Hold, ct),
        StorageRequestKind.QueueDelete => Take(to.Held, m => to.Queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct)),
        StorageRequestKind.QueueUpdate => Take(to.Held, m => to.Queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: Hold, cancellationToken: ct)),
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

    /// <summary>Reads every page of a query (what the app's list reads do), keeping nothing.</summary>
    private static async Task ReadAllAsync<T>(IAsyncEnumerable<T> items, CancellationToken ct)
    {
        await foreach (var _ in items.WithCancellation(ct).ConfigureAwait(false))
        {
        }
    }

    private static TableEntity Entity(string partitionKey, string rowKey, string payload) =>
        new(partitionKey, rowKey) { { "Json", payload }, { "At", DateTimeOffset.UtcNow } };

    private sealed record Target(TableClient Table, IReadOnlyList<string> Partitions, QueueClient Queue, ConcurrentQueue<QueueMessage> Held, string Payload);
}
