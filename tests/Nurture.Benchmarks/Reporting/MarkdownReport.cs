using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Nurture.Benchmarks.Reporting;

/// <summary>Renders benchmark rows as one Markdown document: a header describing the run, the table, and notes.</summary>
public static class MarkdownReport
{
    /// <summary>The table's header line and separator.</summary>
    public const string TableHeader =
        "| group | name | unit | Nurture | baseline | ratio | target | met | allocated B/op |\n" +
        "|---|---|---|---:|---:|---:|---|---|---:|";

    /// <summary>The whole report for one run.</summary>
    /// <param name="rows">Every row of every suite that ran.</param>
    /// <param name="startedAt">When the run started.</param>
    /// <param name="elapsed">How long the run took.</param>
    /// <param name="quick">Whether it was a quick smoke run.</param>
    /// <param name="failures">Suites that failed, with the reason; listed under the table.</param>
    /// <param name="machineNote">What else describes the machine during the run (e.g. its load), or null.</param>
    public static string Render(IReadOnlyList<BenchmarkRow> rows, DateTimeOffset startedAt, TimeSpan elapsed, bool quick, IReadOnlyList<string> failures, string? machineNote = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(failures);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Nurture benchmarks, {startedAt:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick smoke run: indicative only)" : string.Empty)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; took {elapsed.TotalSeconds:F0} s.");
        text.Append(string.IsNullOrEmpty(machineNote) ? "\n\n" : " " + machineNote + "\n\n");
        text.Append(Table(rows)).Append('\n');
        text.Append('\n');
        text.Append("Ratio: Nurture over baseline for throughput, baseline over Nurture for latency; both measured in this run against the same storage.\n");
        text.Append("Allocated B/op: managed bytes allocated by the whole benchmark process during Nurture's timed part (GC.GetTotalAllocatedBytes), divided by the row's unit; it includes the runtime's background allocations (thread pool, timers, connection pool), so it is an upper bound.\n");
        foreach (var failure in failures)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n**Failed:** {failure}\n");
        }

        return text.ToString();
    }

    /// <summary>Just the table, for the README.</summary>
    public static string Table(IEnumerable<BenchmarkRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(TableHeader);
        foreach (var row in rows)
        {
            text.Append('\n').Append(Line(row));
        }

        return text.ToString();
    }

    /// <summary>One table line.</summary>
    public static string Line(BenchmarkRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var baseline = row.Baseline is { } b ? $"{Number(b)} ({row.BaselineName})" : row.BaselineName;
        var ratio = row.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×" : "–";
        var allocated = row.AllocatedBytesPerOp is { } a ? Number(a) : "–";
        return $"| {row.Group} | {row.Name} | {row.Unit} | {Number(row.Value)} | {baseline} | {ratio} | {row.Target} | {(row.Target == BenchmarkRow.NoTarget ? "–" : row.TargetMet ? "yes" : "**no**")} | {allocated} |";
    }

    private static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
}
