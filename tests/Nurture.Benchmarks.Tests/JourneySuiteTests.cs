using Nurture.Benchmarks.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Tests;

/// <summary>The journeys suite in quick mode on Azurite (or the account in NURTURE_TEST_STORAGE): its rows and its clean-up, not its timings.</summary>
public sealed class JourneySuiteTests
{
    [Fact]
    public async Task QuickRun_ReportsTransitionsAgainstTheCeilingAndLatenessPercentiles_AndLeavesNoStorageBehind()
    {
        var rows = await JourneyBenchmark.RunAsync(StorageTestEnvironment.ConnectionString, JourneyPlan.Quick, TextWriter.Null, CancellationToken.None);

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(JourneyBenchmark.Group, r.Group));
        var transitions = rows[0];
        Assert.Equal("transitions/s", transitions.Unit);
        Assert.Contains($"{JourneyPlan.Quick.Instances} concurrent instances", transitions.Name, StringComparison.Ordinal);
        Assert.True(double.IsFinite(transitions.Value) && transitions.Value > 0, $"transitions/s was {transitions.Value}");
        Assert.True(transitions.Baseline is > 0 and < double.PositiveInfinity, $"the ceiling was {transitions.Baseline}");
        Assert.InRange(transitions.Ratio!.Value, 0.01, 100);
        var (p50, p99) = (rows[1], rows[2]);
        Assert.EndsWith("p50", p50.Name, StringComparison.Ordinal);
        Assert.EndsWith("p99", p99.Name, StringComparison.Ordinal);
        Assert.All(new[] { p50, p99 }, r =>
        {
            Assert.Equal("ms", r.Unit);
            Assert.InRange(r.Value, 0, 60_000);
            Assert.Null(r.Baseline);
        });
        Assert.True(p99.Value >= p50.Value);

        var tables = StorageTestEnvironment.Account.Tables;
        var queues = StorageTestEnvironment.Account.Queues;
        Assert.DoesNotContain(await tables.QueryAsync().ToListAsync(), t => t.Name.StartsWith("jb", StringComparison.Ordinal) || t.Name.StartsWith("benchmix", StringComparison.Ordinal));
        Assert.Empty(await queues.GetQueuesAsync(prefix: "jb").ToListAsync());
        Assert.Empty(await queues.GetQueuesAsync(prefix: "benchmix").ToListAsync());
    }
}
