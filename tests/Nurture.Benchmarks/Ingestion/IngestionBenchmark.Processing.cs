using System.Diagnostics;
using Azure.Data.Tables;
using Nurture.Benchmarks.Harness;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>Processing: events per second from a filled events-inbound queue, against the storage-op ceiling.</summary>
public static partial class IngestionBenchmark
{
    private const int ListenerParallelism = NurtureAppHost.ListenerParallelism;

    private static async Task<ProcessingMeasurement> MeasureProcessingAsync(string connectionString, CpuMeter meter, IngestionPlan plan, CancellationToken ct)
    {
        var account = StorageAccount.FromConnectionString(connectionString);
        var tables = account.Tables;
        var inbound = new InboundQueue(account.Queues, new PayloadStore(tables));
        await inbound.InitializeAsync(ct).ConfigureAwait(false);
        // A first host processes deliveries untimed, so the measured host runs on code the process has already
        // compiled (the raw baseline's client code is warm from filling the queue).
        await ProcessAsync(connectionString, inbound, meter, 500_000, plan.WarmUpEvents, ct).ConfigureAwait(false);
        var (eventsPerSecond, requestsPerEvent, byKind, startup, cost) = await ProcessAsync(connectionString, inbound, meter, 200_000, plan.Events, ct).ConfigureAwait(false);
        var (raw, rawCost) = await MeasureRawPointOpsAsync(tables, meter, plan.RawPointOperations, ct).ConfigureAwait(false);
        return new ProcessingMeasurement(eventsPerSecond, requestsPerEvent, raw, startup, cost, rawCost)
        {
            RequestsPerEventByKind = byKind.Where(k => k.Value > 0).ToDictionary(k => k.Key, k => (double)k.Value / plan.Events),
        };
    }

    /// <summary>Fills events-inbound with new shoppers' orders, then times a fresh host from its start until it has processed them all.</summary>
    private static async Task<(double EventsPerSecond, double RequestsPerEvent, IReadOnlyDictionary<StorageRequestKind, long> ByKind, TimeSpan Startup, CpuCost Cost)> ProcessAsync(
        string connectionString, InboundQueue inbound, CpuMeter meter, int firstOrder, int events, CancellationToken ct)
    {
        await RunConcurrentlyAsync(16, events, i => inbound.EnqueueAsync(
            new InboundDelivery(Guid.NewGuid().ToString("N"), EventSource.Shopify, "orders/create", DateTimeOffset.UtcNow, new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Event-Id"] = "p" + (firstOrder + i) }, null, null),
            OrderJson(firstOrder + i),
            ct)).ConfigureAwait(false);

        var counted = new CountedStorageAccounts(connectionString);
        var before = meter.Read();
        var clock = Stopwatch.StartNew();
        var (app, _) = await IngestionHost.StartAsync(connectionString, counted, counted, ct).ConfigureAwait(false);
        var startup = clock.Elapsed;
        await using (app.ConfigureAwait(false))
        {
            // Done when the listener has deleted every message; watched in process, so Azurite does no extra work.
            while (counted.Counter.InboundDeletes < events)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException($"Only {counted.Counter.InboundDeletes} of {events} deliveries were processed in 5 minutes.");
                }

                await Task.Delay(5, ct).ConfigureAwait(false);
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var cost = meter.Read().Since(before, events, elapsed);
            var requests = counted.Counter.Count;
            var byKind = counted.Counter.ByKind();
            await app.StopAsync(ct).ConfigureAwait(false);
            return (events / elapsed, (double)requests / events, byKind, startup, cost);
        }
    }

    /// <summary>Point reads and upserts on a table, as many in parallel as the listener runs handlers.</summary>
    private static async Task<(double Rate, CpuCost Cost)> MeasureRawPointOpsAsync(TableServiceClient tables, CpuMeter meter, int operations, CancellationToken ct)
    {
        var table = tables.GetTableClient("benchraw" + Guid.NewGuid().ToString("N")[..12]);
        await table.EnsureExistsAsync(ct).ConfigureAwait(false);
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
                await table.FindAsync(key, string.Empty, cancellationToken: ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        var cost = meter.Read().Since(before, operations, operations / rate);
        await table.DeleteAsync(ct).ConfigureAwait(false);
        return (rate, cost);
    }
}
