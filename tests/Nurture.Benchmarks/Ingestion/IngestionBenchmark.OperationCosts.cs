using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Benchmarks.Harness;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>
/// What each kind of storage request costs Azurite, in its own CPU time, at the listener's parallelism: the
/// processing ceiling counts every request alike, but Azurite does not serve them alike.
/// </summary>
public static partial class IngestionBenchmark
{
    private static async Task<IReadOnlyList<(string Kind, CpuCost Cost)>> MeasureOperationCostsAsync(TableServiceClient tables, QueueServiceClient queues, CpuMeter meter, int operationsPerKind, CancellationToken ct)
    {
        var table = tables.GetTableClient("benchops" + Guid.NewGuid().ToString("N")[..12]);
        var queue = queues.GetQueueClient("bench-ops-" + Guid.NewGuid().ToString("N")[..12]);
        await table.EnsureExistsAsync(ct).ConfigureAwait(false);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        var profileSized = new string('x', 1300);
        var message = InboundMessageText();
        var costs = new List<(string, CpuCost)>
        {
            ("table insert of a new row (identity claim)", await CostAsync(meter, operationsPerKind, 1, i => table.InsertAsync(new TableEntity("n" + i, string.Empty) { { "ContactId", "c" + i }, { "Kind", "Email" } }, ct)).ConfigureAwait(false)),
            ("table point get, found", await CostAsync(meter, operationsPerKind, 1, i => table.FindAsync("n" + i, string.Empty, cancellationToken: ct)).ConfigureAwait(false)),
            ("table point get, not found (dedupe check, identity look-up)", await CostAsync(meter, operationsPerKind, 1, i => table.FindAsync("missing" + i, string.Empty, cancellationToken: ct)).ConfigureAwait(false)),
            ("table upsert of a 1.3 KB row (timeline, profile)", await CostAsync(meter, operationsPerKind, 1, i => table.UpsertAsync(new TableEntity("u" + i, string.Empty) { { "Json", profileSized } }, TableUpdateMode.Replace, ct)).ConfigureAwait(false)),
            ("queue put of an inbound message", await CostAsync(meter, operationsPerKind, 1, _ => queue.EnqueueAsync(message, cancellationToken: ct)).ConfigureAwait(false)),
            ("queue get (batches of 16) and delete, per message", await CostAsync(meter, operationsPerKind, 16, async _ =>
            {
                foreach (var received in (await queue.ReceiveMessagesAsync(16, cancellationToken: ct).ConfigureAwait(false)).Value)
                {
                    await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false)),
        };
        await table.DeleteAsync(ct).ConfigureAwait(false);
        await queue.DeleteIfExistsAsync(ct).ConfigureAwait(false);
        return costs;
    }

    /// <summary>Runs <paramref name="units"/> units (each call doing <paramref name="unitsPerCall"/>) and returns the cost per unit.</summary>
    private static async Task<CpuCost> CostAsync(CpuMeter meter, int units, int unitsPerCall, Func<int, Task> operation)
    {
        var calls = units / unitsPerCall;
        var before = meter.Read();
        var rate = await RunConcurrentlyAsync(unitsPerCall == 1 ? ListenerParallelism : 2, calls, operation).ConfigureAwait(false);
        return meter.Read().Since(before, calls * unitsPerCall, calls / rate);
    }

    private static string InboundMessageText() => Nurture.Storage.Repositories.InboundQueue.Serialize(new Nurture.Core.Ingestion.InboundDelivery(
        Guid.NewGuid().ToString("N"),
        Nurture.Core.Events.EventSource.Shopify,
        "orders/create",
        DateTimeOffset.UtcNow,
        new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Event-Id"] = "e" },
        Convert.ToBase64String(OrderJson(1)),
        null));
}
