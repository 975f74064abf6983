using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Functions.Reports;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Metrics;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Reports;

/// <summary>The <c>ComputeCampaignMetrics</c> timer on the real host: a missed run is caught up once at start.</summary>
public sealed class ComputeCampaignMetricsTests
{
    [Fact]
    public async Task AMissedRun_IsCaughtUpAtStart_StoresTheCampaignReport_AndARerunKeepsIt()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var events = new EventStore(storage.Tables);
        await events.InitializeAsync();
        await new SeededShop(events).SeedAsync();
        await MissedTimerRun.MarkAsync(storage.Tables, FunctionNames.ComputeCampaignMetrics, TimeSpan.FromHours(1));

        await using var host = await FunctionTestHost.StartAsync(storage: storage);
        var reports = new ReportStore(storage.Tables);
        var stored = await Poll.UntilAsync(() => reports.GetAsync(ReportKinds.Campaigns), TimeSpan.FromSeconds(60), "the timer stored the campaign report");
        var report = MetricsJson.Deserialize<CampaignReport>(stored.Json);

        // The seeded shop has orders but no journey: nothing attributed, the currency still found.
        Assert.Empty(report.Journeys);
        Assert.Equal((0, 0m), (report.Totals.Sent, report.Totals.Revenue));
        Assert.Equal("EUR", report.Currency);
        Assert.Equal(TimeSpan.FromDays(5), report.EmailAttributionWindow);
        Assert.Equal(TimeSpan.FromDays(1), report.SmsAttributionWindow);
        Assert.Null(report.Costs);
        Assert.Equal(DateOnly.FromDateTime(stored.ComputedAt.UtcDateTime), stored.ReadThrough);

        var again = await host.Services.GetRequiredService<CampaignReporter>().ComputeAsync(rebuild: false, CancellationToken.None);
        Assert.False(again.Computed);
        Assert.Equal(stored.ComputedAt, (await reports.GetAsync(ReportKinds.Campaigns))!.ComputedAt);
    }
}
