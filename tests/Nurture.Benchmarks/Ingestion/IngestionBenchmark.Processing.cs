using System.Diagnostics;
using Nurture.Benchmarks.Harness;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Functions.Catalog;
using Nurture.Functions.Ingestion;
using Nurture.Storage.Connections;
using Nurture.Storage.Repositories;
using Nurture.Storage.Rest;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>Processing: events per second from a filled events-inbound queue, against the storage-op ceiling.</summary>
public static partial class IngestionBenchmark
{
    private const int ListenerParallelism = 16 + 8;

    private static async Task<(double EventsPerSecond, double RequestsPerEvent, double RawOpsPerSecond)> MeasureProcessingAsync(string connectionString, int events, CancellationToken ct)
    {
        var connection = StorageConnection.Parse(connectionString);
        var tables = new RestTableService(connection);
        var inbound = new InboundQueue(new RestQueueService(connection), new PayloadStore(tables));
        await inbound.InitializeAsync(ct).ConfigureAwait(false);
        await RunConcurrentlyAsync(16, events, i => inbound.EnqueueAsync(
            new InboundDelivery(Guid.NewGuid().ToString("N"), EventSource.Shopify, "orders/create", DateTimeOffset.UtcNow, new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Event-Id"] = "p" + i }, null, null),
            OrderJson(200_000 + i),
            ct)).ConfigureAwait(false);

        var counted = new CountedStorageAccounts(connectionString);
        var clock = Stopwatch.StartNew();
        var (app, _) = await IngestionHost.StartAsync(connectionString, counted, s => s.AddFunction(ProcessInboundEvent.Definition), ct).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            while (await inbound.ApproximateCountAsync(ct).ConfigureAwait(false) > 0)
            {
                await Task.Delay(20, ct).ConfigureAwait(false);
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var requests = counted.Counter.Count;
            await app.StopAsync(ct).ConfigureAwait(false);
            var raw = await MeasureRawPointOpsAsync(tables, ct).ConfigureAwait(false);
            return (events / elapsed, (double)requests / events, raw);
        }
    }

    /// <summary>Point reads and upserts on a table, as many in parallel as the listener runs handlers.</summary>
    private static async Task<double> MeasureRawPointOpsAsync(RestTableService tables, CancellationToken ct)
    {
        var table = tables.GetTableClient("benchraw" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        var rate = await RunConcurrentlyAsync(ListenerParallelism, 3000, async i =>
        {
            var key = "k" + (i / 2);
            if (i % 2 == 0)
            {
                await table.UpsertAsync(new TableEntity(key, string.Empty) { { "Json", "{\"orders\":1}" }, { "At", DateTimeOffset.UtcNow } }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }
            else
            {
                await table.GetAsync(key, string.Empty, cancellationToken: ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        await table.DeleteIfExistsAsync(ct).ConfigureAwait(false);
        return rate;
    }
}
