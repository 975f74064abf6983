using System.Globalization;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;
using Nurture.Storage.Connections;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// Journeys against Azurite, on the real host (queue listener and runner in process, configured as host.json):
/// step transitions per second with many concurrent instances next to the storage-operation ceiling for the same
/// requests measured in the same run, and how late timers wake up on an otherwise idle host.
/// </summary>
public static partial class JourneyBenchmark
{
    /// <summary>The report group.</summary>
    public const string Group = "journeys";

    /// <summary>Transitions per second over the ceiling that should be reached.</summary>
    public const double TargetRatio = 0.7;

    /// <summary>Wake-up lateness every percentile row should stay under.</summary>
    public static readonly TimeSpan LatenessTarget = TimeSpan.FromSeconds(1);

    // About the size of an instance's state row or a history row, so raw writes carry what the runner's writes do.
    private static readonly string Payload = new('x', 600);

    /// <summary>Runs the full plan (or the quick one under <c>--quick</c>), reporting progress on stderr.</summary>
    public static Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, CancellationToken ct) =>
        RunAsync(connectionString, BenchmarkSettings.Quick ? JourneyPlan.Quick : JourneyPlan.Full, Console.Error, ct);

    /// <summary>Runs <paramref name="plan"/> and returns the report rows.</summary>
    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, JourneyPlan plan, TextWriter progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var rows = new List<BenchmarkRow>();

        var measured = await MeasureTransitionsAsync(connectionString, plan, progress, ct).ConfigureAwait(false);
        var ceiling = measured.RawOpsPerSecond / measured.RequestsPerTransition;
        rows.Add(new BenchmarkRow(
            Group,
            string.Create(CultureInfo.InvariantCulture, $"step transitions, {plan.Instances:N0} concurrent instances of update_profile → send_email → exit (one decision each, {measured.RequestsPerTransition:F1} storage requests per transition)"),
            "transitions/s",
            measured.TransitionsPerSecond,
            string.Create(CultureInfo.InvariantCulture, $"storage-op ceiling: the same request mix raw, {JourneyBenchHost.ListenerParallelism} concurrent ({measured.RawOpsPerSecond:F0} ops/s) / requests per transition"),
            ceiling,
            HigherIsBetter: true,
            Target: string.Create(CultureInfo.InvariantCulture, $"ratio >= {TargetRatio}"),
            TargetMet: measured.TransitionsPerSecond >= TargetRatio * ceiling));

        var lateness = await MeasureLatenessAsync(connectionString, plan, progress, ct).ConfigureAwait(false);
        var setting = string.Create(CultureInfo.InvariantCulture, $"delays 2–5 s, {lateness.Count} timers, idle host, maxPollingInterval {JourneyBenchHost.MaxPollingInterval.TotalSeconds:F0} s");
        rows.Add(LatenessRow($"timer wake-up lateness ({setting}), p50", Percentiles.Of(lateness, 50)));
        rows.Add(LatenessRow($"timer wake-up lateness ({setting}), p99", Percentiles.Of(lateness, 99)));
        return rows;
    }

    private static BenchmarkRow LatenessRow(string name, double valueMs) =>
        new(Group, name, "ms", valueMs, "none (absolute target)", null, HigherIsBetter: false, $"< {LatenessTarget.TotalMilliseconds:F0} ms", valueMs < LatenessTarget.TotalMilliseconds);

    /// <summary>A fresh name prefix (letters and digits, valid for tables and queues) so each measurement has its own storage.</summary>
    private static string NewPrefix() => "jb" + Guid.NewGuid().ToString("N")[..8];

    private static async Task DeletePrefixedAsync(CountedStorageAccounts storage, CancellationToken ct)
    {
        var tables = storage.GetTableService(StorageConnectionSettings.DefaultConnectionName);
        foreach (var table in await tables.QueryAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false))
        {
            await tables.GetTableClient(table.Name).DeleteAsync(ct).ConfigureAwait(false);
        }

        var queues = storage.GetQueueService(StorageConnectionSettings.DefaultConnectionName);
        foreach (var queue in await queues.GetQueuesAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false))
        {
            await queues.GetQueueClient(queue.Name).DeleteIfExistsAsync(ct).ConfigureAwait(false);
        }
    }
}
