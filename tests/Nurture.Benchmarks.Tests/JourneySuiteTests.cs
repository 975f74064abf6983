using Azure.Storage.Blobs;
using Nurture.Benchmarks.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Tests;

/// <summary>The journeys suite on its tiny plan on Azurite (or the account in NURTURE_TEST_STORAGE): its rows and its clean-up, not its timings.</summary>
public sealed class JourneySuiteTests
{
    [Fact]
    public async Task TinyRun_ReportsSendsAgainstTheBaselineRequestsPerSendAndTimerLateness_AndLeavesNoStorageBehind()
    {
        var plan = JourneyPlan.Tiny;

        var rows = await JourneyBenchmark.RunAsync(StorageTestEnvironment.ConnectionString, plan, TextWriter.Null, CancellationToken.None);

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(JourneyBenchmark.Group, r.Group));
        var (early, p50, p99, sends, requests) = (rows[0], rows[1], rows[2], rows[3], rows[4]);
        Assert.Equal("sends/s", sends.Unit);
        Assert.Contains($"{plan.Instances} concurrent instances", sends.Name, StringComparison.Ordinal);
        Assert.True(double.IsFinite(sends.Value) && sends.Value > 0, $"journey sends/s was {sends.Value}");
        Assert.True(sends.Baseline is > 0 and < double.PositiveInfinity, $"baseline sends/s was {sends.Baseline}");
        Assert.Equal("requests", requests.Unit);

        // Each side at least starts an instance, runs an activity and writes the outbox row.
        Assert.True(requests.Value >= 3 && requests.Baseline >= 3, $"requests per send: journey {requests.Value}, baseline {requests.Baseline}");
        Assert.Equal("timers", early.Unit);
        Assert.EndsWith("early firings", early.Name, StringComparison.Ordinal);
        Assert.Equal(0, early.Value);
        Assert.EndsWith("p50", p50.Name, StringComparison.Ordinal);
        Assert.EndsWith("p99", p99.Name, StringComparison.Ordinal);
        Assert.All(new[] { p50, p99 }, r =>
        {
            Assert.Equal("ms", r.Unit);
            Assert.InRange(r.Value, 0, 60_000);
            Assert.Null(r.Baseline);
        });
        Assert.True(p99.Value >= p50.Value);

        var account = StorageTestEnvironment.Account;
        Assert.DoesNotContain(await account.Tables.QueryAsync().ToListAsync(), t => t.Name.StartsWith("jb", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await account.Queues.GetQueuesAsync(prefix: "jb").ToListAsync());
        var blobs = new BlobServiceClient(StorageTestEnvironment.ConnectionString);
        Assert.Empty(await blobs.GetBlobContainersAsync(prefix: "jb").ToListAsync());
    }
}
