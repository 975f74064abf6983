namespace Nurture.Benchmarks.Reporting;

/// <summary>
/// One line of the benchmark report: Nurture's figure next to the baseline measured in the same run, and
/// their ratio. Ratios, not absolute numbers, are what a noisy machine can compare.
/// </summary>
/// <param name="Group">Which suite the row belongs to (storage, runtime, ingestion, journeys).</param>
/// <param name="Name">What was measured, e.g. "table upsert, 16 concurrent".</param>
/// <param name="Unit">Unit of both values, e.g. "ops/s" or "ms p99".</param>
/// <param name="Value">Nurture's figure.</param>
/// <param name="BaselineName">What the baseline is, e.g. "SDK direct" or "raw get+delete loop".</param>
/// <param name="Baseline">The baseline's figure, or null when the row has only an absolute target.</param>
/// <param name="HigherIsBetter">True for throughput, false for latency.</param>
/// <param name="Target">The target, as text ("ratio >= 1.5", "p99 &lt; 50 ms").</param>
/// <param name="TargetMet">Whether the target was met in this run.</param>
/// <param name="AllocatedBytesPerOp">Managed bytes allocated per operation by Nurture's side, when measured.</param>
public sealed record BenchmarkRow(
    string Group,
    string Name,
    string Unit,
    double Value,
    string BaselineName,
    double? Baseline,
    bool HigherIsBetter,
    string Target,
    bool TargetMet,
    double? AllocatedBytesPerOp = null)
{
    /// <summary>The <see cref="Target"/> of a row that explains another row's figure and has no target of its own.</summary>
    public const string NoTarget = "none (diagnostic)";

    /// <summary>Value over baseline for throughput, baseline over value for latency; null without a baseline.</summary>
    public double? Ratio => Baseline is not { } b || b == 0 || Value == 0 ? null : HigherIsBetter ? Value / b : b / Value;
}
