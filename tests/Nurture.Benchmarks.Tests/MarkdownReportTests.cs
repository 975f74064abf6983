using Nurture.Benchmarks.Reporting;

namespace Nurture.Benchmarks.Tests;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Line_ShowsBothFiguresTheRatioAndAMissedTarget()
    {
        var row = new BenchmarkRow("storage", "table upsert, 1 concurrent", "ops/s", 1_200, "JS SDK", 1_000, true, "ratio >= 1.5", false, 14_336.4);

        var line = MarkdownReport.Line(row);

        Assert.Equal("| storage | table upsert, 1 concurrent | ops/s | 1,200 | 1,000 (JS SDK) | 1.20× | ratio >= 1.5 | **no** | 14,336 |", line);
    }

    [Fact]
    public void Line_WithoutBaselineOrAllocations_ShowsDashes()
    {
        var row = new BenchmarkRow("runtime", "latency p99", "ms", 12.34, "absolute target", null, false, "p99 < 50 ms", true);

        var line = MarkdownReport.Line(row);

        Assert.Equal("| runtime | latency p99 | ms | 12.3 | absolute target | – | p99 < 50 ms | yes | – |", line);
    }

    [Fact]
    public void Render_ListsFailedSuitesUnderTheTable()
    {
        var report = MarkdownReport.Render([], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3), quick: true, ["storage: TimeoutException: node did not finish"]);

        Assert.Contains(MarkdownReport.TableHeader, report, StringComparison.Ordinal);
        Assert.Contains("quick smoke run", report, StringComparison.Ordinal);
        Assert.Contains("**Failed:** storage: TimeoutException", report, StringComparison.Ordinal);
    }
}
