using Nurture.Benchmarks.Ingestion;
using Nurture.Benchmarks.Runtime;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Tests;

/// <summary>
/// The runtime and ingestion suites in quick mode on Azurite, on the compiled app run by the local host: their rows
/// and that every measurement saw the app's work, not their timings. One class, so the two (which both use the app's
/// <c>events-inbound</c> queue) never run at once.
/// </summary>
public sealed class LocalHostSuitesTests
{
    [Fact]
    public async Task RuntimeQuickRun_ReportsThroughputAgainstTheRawLoopAndEveryLatencyPercentile()
    {
        var rows = await RuntimeBenchmark.RunAsync(StorageTestEnvironment.ConnectionString, RuntimePlan.Quick, CancellationToken.None);

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("runtime", r.Group));
        var throughput = rows[0];
        Assert.Equal("msgs/s", throughput.Unit);
        Assert.True(throughput.Value > 0 && throughput.Baseline > 0, $"listener {throughput.Value}, raw {throughput.Baseline}");
        Assert.InRange(throughput.Ratio!.Value, 0.01, 100);
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal("ms", r.Unit);
            Assert.InRange(r.Value, 0, 30_000);
            Assert.Null(r.Baseline);
        });
        Assert.True(rows[2].Value >= rows[1].Value && rows[4].Value >= rows[3].Value, "p99 below p50");
        var inbound = await StorageTestEnvironment.Account.Queues.GetQueueClient("events-inbound").GetPropertiesAsync();
        Assert.Equal(0, inbound.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task IngestionQuickRun_ReportsAcceptanceAckLatencyAndProcessingAgainstTheirBaselines()
    {
        var rows = await IngestionBenchmark.RunAsync(StorageTestEnvironment.ConnectionString, IngestionPlan.Quick, CancellationToken.None);

        Assert.All(rows, r => Assert.Equal("ingestion", r.Group));
        var accepted = rows.Where(r => r.Name.StartsWith("webhooks accepted", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, accepted.Count);
        Assert.All(accepted, r => Assert.True(r.Value > 0 && r.Baseline > 0, $"{r.Name}: {r.Value} against {r.Baseline}"));
        var ack = rows.Where(r => r.Name.StartsWith("webhook ack latency", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ack.Count);
        Assert.All(ack, r => Assert.InRange(r.Value, 0, 30_000));
        var processed = Assert.Single(rows, r => r.Name.StartsWith("events processed end to end", StringComparison.Ordinal));
        Assert.Equal("events/s", processed.Unit);
        Assert.True(processed.Value > 0 && processed.Baseline is > 0 and < double.PositiveInfinity, $"{processed.Value} against {processed.Baseline}");
    }
}
