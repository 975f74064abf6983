using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;
using Nurture.Storage.Connections;
using Nurture.Storage.Rest;

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
    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var rows = new List<BenchmarkRow>();
        var queues = new RestQueueService(StorageConnection.Parse(connectionString));
        var acceptRates = new Dictionary<int, double>();
        foreach (var clients in new[] { 16, 64 })
        {
            var raw = await MeasureRawPutsAsync(queues, clients, 1200, ct).ConfigureAwait(false);
            var accepted = await MeasureAcceptedAsync(connectionString, clients, 1200, ct).ConfigureAwait(false);
            acceptRates[clients] = accepted;
            rows.Add(new BenchmarkRow(
                Group,
                $"webhooks accepted, {clients} concurrent clients (signed Shopify orders/create, 202 after the enqueue)",
                "req/s",
                accepted,
                $"raw queue put of the same message, {clients} concurrent",
                raw,
                HigherIsBetter: true,
                Target: "ratio >= 0.9",
                TargetMet: accepted >= 0.9 * raw));
        }

        var latencies = await MeasureAckLatencyAsync(connectionString, acceptRates[16] / 2, TimeSpan.FromSeconds(6), ct).ConfigureAwait(false);
        rows.Add(LatencyRow($"webhook ack latency at half load ({acceptRates[16] / 2:F0} req/s), p50", Percentiles.Of(latencies, 50)));
        rows.Add(LatencyRow($"webhook ack latency at half load ({acceptRates[16] / 2:F0} req/s), p99", Percentiles.Of(latencies, 99)));

        var (eventsPerSecond, opsPerEvent, rawOpsPerSecond) = await MeasureProcessingAsync(connectionString, 600, ct).ConfigureAwait(false);
        var ceiling = rawOpsPerSecond / opsPerEvent;
        rows.Add(new BenchmarkRow(
            Group,
            $"events processed end to end (new order per shopper: {opsPerEvent:F1} storage requests each)",
            "events/s",
            eventsPerSecond,
            $"storage-op ceiling: raw point ops/s ({rawOpsPerSecond:F0}) / requests per event",
            ceiling,
            HigherIsBetter: true,
            Target: "ratio >= 0.8",
            TargetMet: eventsPerSecond >= 0.8 * ceiling));
        return rows;
    }

    internal static byte[] Sign(byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body);

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
