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

    private static async Task<ProcessingMeasurement> MeasureProcessingAsync(string connectionString, CpuMeter meter, int events, CancellationToken ct)
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
        var before = meter.Read();
        var clock = Stopwatch.StartNew();
        var (app, _) = await IngestionHost.StartAsync(connectionString, counted, s => s.AddFunction(ProcessInboundEvent.Definition), ct).ConfigureAwait(false);
        var startup = clock.Elapsed;
        await using (app.ConfigureAwait(false))
        {
            // Done when the listener has deleted every message; watched in process, so Azurite does no extra work.
            var deadline = Stopwatch.StartNew();
            while (counted.Counter.InboundDeletes < events)
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException($"Only {counted.Counter.InboundDeletes} of {events} deliveries were processed in 5 minutes.");
                }

                await Task.Delay(5, ct).ConfigureAwait(false);
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var cost = meter.Read().Since(before, events, elapsed);
            var requests = counted.Counter.Count;
            await app.StopAsync(ct).ConfigureAwait(false);
            var (raw, rawCost) = await MeasureRawPointOpsAsync(tables, meter, ct).ConfigureAwait(false);
            return new ProcessingMeasurement(events / elapsed, (double)requests / events, raw, startup, cost, rawCost);
        }
    }

    /// <summary>Point reads and upserts on a table, as many in parallel as the listener runs handlers.</summary>
    private static async Task<(double Rate, CpuCost Cost)> MeasureRawPointOpsAsync(RestTableService tables, CpuMeter meter, CancellationToken ct)
    {
        const int operations = 3000;
        var table = tables.GetTableClient("benchraw" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        var before = meter.Read();
        var rate = await RunConcurrentlyAsync(ListenerParallelism, operations, async i =>
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
        var cost = meter.Read().Since(before, operations, operations / rate);
        await table.DeleteIfExistsAsync(ct).ConfigureAwait(false);
        return (rate, cost);
    }
}
