using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;
using Nurture.Storage.Connections;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>
/// Ingestion against Azurite: signed Shopify webhooks accepted per second at 16 and 64 concurrent clients next to
/// raw queue puts of the same message size at the same concurrency, acknowledgement latency at half that load,
/// and events processed per second end to end next to the storage-operation ceiling for the same work.
/// </summary>
public static partial class IngestionBenchmark
{
    private const string Group = "ingestion";
    internal const string ShopifySecret = "bench-shopify-secret";

    /// <summary>Runs every measurement and returns the report rows.</summary>
    public static Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, CancellationToken ct) =>
        RunAsync(connectionString, BenchmarkSettings.Quick ? IngestionPlan.Quick : IngestionPlan.Full, ct);

    /// <summary>Runs every measurement with <paramref name="plan"/>'s counts and returns the report rows.</summary>
    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, IngestionPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var rows = new List<BenchmarkRow>();
        var account = StorageAccount.FromConnectionString(connectionString);
        var queues = account.Queues;
        var meter = CpuMeter.For(connectionString);
        var acceptRates = new Dictionary<int, double>();
        foreach (var clients in new[] { 16, 64 })
        {
            var (raw, rawCost) = await MeasureRawPutsAsync(queues, meter, clients, plan.Requests, ct).ConfigureAwait(false);
            var (accepted, cost) = await MeasureAcceptedAsync(connectionString, meter, clients, plan.Requests, ct).ConfigureAwait(false);
            acceptRates[clients] = accepted;
            await Console.Error.WriteLineAsync($"  {clients} clients: accepted webhook {cost}; raw put {rawCost}").ConfigureAwait(false);
            rows.Add(new BenchmarkRow(
                Group,
                $"webhooks accepted, {clients} concurrent clients (signed Shopify orders/create, 202 after the enqueue)",
                "req/s",
                accepted,
                $"raw queue put of the same message, {clients} concurrent",
                raw,
                HigherIsBetter: true,
                Target: "ratio >= 0.9",
                TargetMet: accepted >= 0.9 * raw,
                AllocatedBytesPerOp: cost.AllocatedBytes));
            rows.Add(CpuRow($"CPU per accepted webhook, {clients} clients: bench process (load generator + host)", cost.SelfMicroseconds, "per raw put: load generator + queue client", rawCost.SelfMicroseconds));
            if (cost.AzuriteMicroseconds is { } azurite && rawCost.AzuriteMicroseconds is { } rawAzurite)
            {
                rows.Add(CpuRow($"CPU per accepted webhook, {clients} clients: Azurite", azurite, "per raw put: Azurite", rawAzurite));
            }
        }

        var latencies = await MeasureAckLatencyAsync(connectionString, acceptRates[16] / 2, plan.AckDuration, ct).ConfigureAwait(false);
        rows.Add(LatencyRow($"webhook ack latency at half load ({acceptRates[16] / 2:F0} req/s), p50", Percentiles.Of(latencies, 50)));
        rows.Add(LatencyRow($"webhook ack latency at half load ({acceptRates[16] / 2:F0} req/s), p99", Percentiles.Of(latencies, 99)));

        var processing = await MeasureProcessingAsync(connectionString, meter, plan, ct).ConfigureAwait(false);
        var ceiling = processing.RawOpsPerSecond / processing.RequestsPerEvent;
        await Console.Error.WriteLineAsync($"  processing: host start {processing.Startup.TotalMilliseconds:F0} ms inside the timed part; per event {processing.Cost}; per raw point op {processing.RawCost}; requests per event: {string.Join(", ", processing.RequestsPerEventByKind.Select(k => $"{k.Key} {k.Value:F2}"))}").ConfigureAwait(false);
        rows.Add(new BenchmarkRow(
            Group,
            $"events processed end to end (new order per shopper: {processing.RequestsPerEvent:F1} storage requests each)",
            "events/s",
            processing.EventsPerSecond,
            $"storage-op ceiling: raw point ops/s ({processing.RawOpsPerSecond:F0}) / requests per event",
            ceiling,
            HigherIsBetter: true,
            Target: "ratio >= 0.8",
            TargetMet: processing.EventsPerSecond >= 0.8 * ceiling,
            AllocatedBytesPerOp: processing.Cost.AllocatedBytes));
        rows.Add(CpuRow("CPU per processed event: bench process (host)", processing.Cost.SelfMicroseconds, "requests per event × per raw point op", processing.RequestsPerEvent * processing.RawCost.SelfMicroseconds));
        if (processing.Cost.AzuriteMicroseconds is { } eventAzurite && processing.RawCost.AzuriteMicroseconds is { } opAzurite)
        {
            rows.Add(CpuRow("CPU per processed event: Azurite", eventAzurite, "requests per event × per raw point op", processing.RequestsPerEvent * opAzurite));
            var costs = await MeasureOperationCostsAsync(account.Tables, queues, meter, plan.OperationsPerKind, ct).ConfigureAwait(false);
            foreach (var (kind, cost) in costs)
            {
                if (cost.AzuriteMicroseconds is { } perOp)
                {
                    rows.Add(CpuRow("Azurite CPU per request: " + kind, perOp, "per raw point op (half upserts, half gets)", opAzurite));
                }
            }

            if (ModelledAzuriteCost(costs) is { } modelled)
            {
                rows.Add(CpuRow("Azurite CPU per processed event, modelled from the request mix (3 misses, 3 inserts, 3 upserts, 1 queue get+delete)", modelled, "measured per processed event", eventAzurite));
            }
        }

        return rows;
    }

    internal static byte[] Sign(byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body);

    /// <summary>
    /// A new shopper's order with a customer id and an email: dedupe check and two look-ups miss; two claims and the
    /// profile insert; timeline, day and marker upserts; the message's get and delete.
    /// </summary>
    private static double? ModelledAzuriteCost(IReadOnlyList<(string Kind, CpuCost Cost)> costs)
    {
        double? Of(string prefix) => costs.FirstOrDefault(c => c.Kind.StartsWith(prefix, StringComparison.Ordinal)).Cost?.AzuriteMicroseconds;
        return Of("table point get, not found") is { } miss && Of("table insert") is { } insert && Of("table upsert") is { } upsert && Of("queue get") is { } queue
            ? (3 * miss) + (3 * insert) + (3 * upsert) + queue
            : null;
    }

    private static BenchmarkRow CpuRow(string name, double microseconds, string baselineName, double baseline) =>
        new(Group, name, "µs CPU", microseconds, baselineName, baseline, HigherIsBetter: false, BenchmarkRow.NoTarget, TargetMet: true);

    private static BenchmarkRow LatencyRow(string name, double valueMs) =>
        new(Group, name, "ms", valueMs, "none (absolute target)", null, HigherIsBetter: false, "p99 < 50 ms", valueMs < 50);

    private static async Task<double> RunConcurrentlyAsync(int workers, int total, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await operation(i).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        return total / clock.Elapsed.TotalSeconds;
    }
}
