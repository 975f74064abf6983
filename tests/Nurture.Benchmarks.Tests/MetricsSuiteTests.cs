using Nurture.Benchmarks.Metrics;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Tests;

/// <summary>The metrics suite on its tiny plan on Azurite (or the account in NURTURE_TEST_STORAGE): what it computes and its rows, not its timings.</summary>
public sealed class MetricsSuiteTests
{
    [Fact]
    public async Task TheWork_ReadsEveryRow_AndComputesReportsOverTheWholeShop()
    {
        var plan = MetricsPlan.Tiny;
        var tables = PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix()).Tables;
        var events = new EventStore(tables);
        await events.InitializeAsync();
        MetricsWork.Result result;
        try
        {
            var shop = await MetricsShop.SeedAsync(events, plan, CancellationToken.None);
            var today = DateOnly.FromDateTime(shop.AsOf.UtcDateTime);
            result = await MetricsWork.RunAsync(events, shop, [.. Enumerable.Range(0, plan.Days + 2).Select(d => today.AddDays(d - plan.Days - 1))], CancellationToken.None);
        }
        finally
        {
            await tables.GetTableClient(EventStore.DailyTableName).DeleteAsync();
            await tables.GetTableClient(EventStore.TimelineTableName).DeleteAsync();
        }

        // 20 contacts × (3 orders, 2 views or a refund and a view, a cart, 2 deliveries, an open, a click); 2 sends each.
        Assert.Equal((200, 20, 60, 40), (result.Rows, result.Contacts, result.Orders, result.Sent));
        Assert.True(result.ReportBytes > 0 && result.ComputeSeconds > 0);
    }

    [Fact]
    public async Task TinyRun_ReportsTheWorkAgainstThePlainRead_WithTheTarget()
    {
        var rows = await MetricsBenchmark.RunAsync(StorageTestEnvironment.ConnectionString, MetricsPlan.Tiny, TextWriter.Null, CancellationToken.None);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((MetricsBenchmark.Group, "s", false), (r.Group, r.Unit, r.HigherIsBetter)));
        Assert.Contains("20 contacts, 200 events", rows[0].Name, StringComparison.Ordinal);
        Assert.Contains("1.3x", rows[0].Target, StringComparison.Ordinal);
        Assert.True(rows[0].Value > 0 && rows[0].Baseline > 0, $"work {rows[0].Value} s, read {rows[0].Baseline} s");
        Assert.Equal(rows[0].Value <= MetricsBenchmark.TargetFactor * rows[0].Baseline!.Value, rows[0].TargetMet);
        Assert.True(rows[1].Value < rows[0].Value);
    }
}
