using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;
using Nurture.Storage.Connections;

namespace Nurture.Benchmarks.Runtime;

/// <summary>
/// The local host's queue runtime against Azurite, running the compiled app: <c>ProcessInboundEvent</c> on deliveries
/// it skips without storage work (a no-op handler) next to a raw get+delete loop on the same Azurite in the same run,
/// and enqueue-to-invocation latency when the listener is idle and when busy.
/// </summary>
public static partial class RuntimeBenchmark
{
    private const string Group = "runtime";
    private const int BatchSize = NurtureAppHost.BatchSize;
    private const int NewBatchThreshold = NurtureAppHost.NewBatchThreshold;
    private static readonly TimeSpan IdlePollingInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs every measurement (about a minute; seconds with <c>--quick</c>) and returns the report rows.</summary>
    public static Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, CancellationToken ct) =>
        RunAsync(connectionString, BenchmarkSettings.Quick ? RuntimePlan.Quick : RuntimePlan.Full, ct);

    /// <summary>Runs every measurement with <paramref name="plan"/>'s counts and returns the report rows.</summary>
    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, RuntimePlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var queues = StorageAccount.FromConnectionString(connectionString).Queues;
        var rows = new List<BenchmarkRow>();

        var raw = await MeasureRawLoopAsync(queues, plan.ThroughputMessages, ct).ConfigureAwait(false);
        var listener = await MeasureListenerThroughputAsync(connectionString, queues, plan.ThroughputMessages, ct).ConfigureAwait(false);
        rows.Add(new BenchmarkRow(
            Group,
            $"queue function throughput, ProcessInboundEvent on the local host, no-op deliveries (batchSize {BatchSize}, newBatchThreshold {NewBatchThreshold})",
            "msgs/s",
            listener,
            $"raw get+delete loop (receive {BatchSize}, delete concurrently, 2 loops)",
            raw,
            HigherIsBetter: true,
            Target: "ratio >= 0.8",
            TargetMet: listener >= 0.8 * raw));

        var (idle, busy) = await MeasureLatencyAsync(connectionString, queues, plan, ct).ConfigureAwait(false);
        var idleLimit = IdlePollingInterval.TotalMilliseconds + 500;
        rows.Add(LatencyRow($"enqueue-to-invocation latency, idle (maxPollingInterval {IdlePollingInterval.TotalSeconds:F0} s), p50", Percentiles.Of(idle, 50), idleLimit));
        rows.Add(LatencyRow($"enqueue-to-invocation latency, idle (maxPollingInterval {IdlePollingInterval.TotalSeconds:F0} s), p99", Percentiles.Of(idle, 99), idleLimit));
        rows.Add(LatencyRow("enqueue-to-invocation latency, busy (4 steady senders), p50", Percentiles.Of(busy, 50), 500));
        rows.Add(LatencyRow("enqueue-to-invocation latency, busy (4 steady senders), p99", Percentiles.Of(busy, 99), 1000));
        return rows;
    }

    private static BenchmarkRow LatencyRow(string name, double valueMs, double limitMs) =>
        new(Group, name, "ms", valueMs, "none (absolute target)", null, HigherIsBetter: false, $"< {limitMs:F0} ms", valueMs < limitMs);
}
