using System.Globalization;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// Journeys on the local host's Durable engine (DTFx on Azure Storage, the task hub settings of host.json) against
/// the account: journey sends per second with many concurrent instances of entry → send_email → exit next to a
/// minimal hand-written orchestration doing the same steps in the same run, with storage requests per send; and how
/// late delays of 2–5 s end on an otherwise idle host.
/// </summary>
public static partial class JourneyBenchmark
{
    /// <summary>The report group.</summary>
    public const string Group = "journeys";

    /// <summary>Journey sends per second over the baseline's that should be reached.</summary>
    public const double TargetRatio = 0.8;

    /// <summary>Lateness the p99 should stay under.</summary>
    public static readonly TimeSpan LatenessTarget = TimeSpan.FromSeconds(1);

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

        // The idle-host figure first, before the send runs have grown the account's tables.
        var lateness = await MeasureLatenessAsync(connectionString, plan, progress, ct).ConfigureAwait(false);
        var setting = string.Create(CultureInfo.InvariantCulture, $"{lateness.Count} journey delays of 2–5 s in {plan.Waves} bursts, idle host");
        var early = lateness.Count(l => l < 0);
        rows.Add(new BenchmarkRow(
            Group, $"timer lateness ({setting}), early firings", "timers", early, "none (absolute target)", null, HigherIsBetter: false, "0", early == 0));
        rows.Add(LatenessRow($"timer lateness ({setting}), p50", Percentiles.Of(lateness, 50), BenchmarkRow.NoTarget, met: true));
        var p99 = Percentiles.Of(lateness, 99);
        rows.Add(LatenessRow($"timer lateness ({setting}), p99", p99, $"< {LatenessTarget.TotalMilliseconds:F0} ms", p99 < LatenessTarget.TotalMilliseconds));

        var baseline = await MeasureBaselineSendsAsync(connectionString, plan, progress, ct).ConfigureAwait(false);
        var journey = await MeasureJourneySendsAsync(connectionString, plan, progress, ct).ConfigureAwait(false);
        var engine = "local host, DTFx Azure Storage, host.json hub settings";
        rows.Add(new BenchmarkRow(
            Group,
            string.Create(CultureInfo.InvariantCulture, $"journey sends, {plan.Instances:N0} concurrent instances of entry → send_email → exit ({engine}; start to last send)"),
            "sends/s",
            journey.SendsPerSecond,
            "hand-written orchestration, one activity per send, same hub settings",
            baseline.SendsPerSecond,
            HigherIsBetter: true,
            Target: string.Create(CultureInfo.InvariantCulture, $"ratio >= {TargetRatio}"),
            TargetMet: journey.SendsPerSecond >= TargetRatio * baseline.SendsPerSecond));
        rows.Add(new BenchmarkRow(
            Group,
            $"storage requests per journey send ({journey.Breakdown})",
            "requests",
            journey.RequestsPerSend,
            $"hand-written orchestration ({baseline.Breakdown})",
            baseline.RequestsPerSend,
            HigherIsBetter: false,
            BenchmarkRow.NoTarget,
            TargetMet: true));
        return rows;
    }

    private static BenchmarkRow LatenessRow(string name, double valueMs, string target, bool met) =>
        new(Group, name, "ms", valueMs, "none (absolute target)", null, HigherIsBetter: false, target, met);

    /// <summary>A fresh name prefix (lowercase letters and digits, valid for tables and queues).</summary>
    private static string NewPrefix() => "jb" + Guid.NewGuid().ToString("N")[..8];
}
