using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Retention;
using Nurture.Core.Metrics.Scoring;
using Nurture.Functions.Contacts;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Reports;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Metrics;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Reports;

/// <summary>The <c>ComputeRetention</c> timer and <c>GET /api/reports/retention</c> on the real host, over a small seeded shop.</summary>
public sealed class ComputeRetentionTests
{
    [Fact]
    public async Task AMissedRun_IsCaughtUpAtStart_StoresTheHandComputedCohorts_AndServesThemAsJsonAndCsv()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var events = new EventStore(storage.Tables);
        await events.InitializeAsync();
        await new SeededShop(events).SeedAsync();
        await MissedTimerRun.MarkAsync(storage.Tables, FunctionNames.ComputeRetention, TimeSpan.FromHours(1));

        await using var host = await FunctionTestHost.StartAsync(storage: storage);
        var reports = new ReportStore(storage.Tables);
        var stored = await Poll.UntilAsync(() => reports.GetAsync(ReportKinds.Retention), TimeSpan.FromSeconds(60), "the timer stored the retention report");
        var report = MetricsJson.Deserialize<RetentionReport>(stored.Json);

        AssertSeededFigures(report, customers: 3);
        Assert.DoesNotContain("alice", stored.Json, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(stored.ComputedAt.UtcDateTime), stored.ReadThrough);

        // A second run within the hour (another past-due catch-up, a retry) keeps what is stored.
        var again = await host.Services.GetRequiredService<RetentionReporter>().ComputeAsync(rebuild: false, CancellationToken.None);
        Assert.False(again.Computed);
        Assert.Equal(stored.ComputedAt, (await reports.GetAsync(ReportKinds.Retention))!.ComputedAt);

        var json = await GetAsync(host, "api/reports/retention", accept: null);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        AssertSeededFigures(JsonSerializer.Deserialize<RetentionReport>(json.Body, ApiJson.Options)!, customers: 3);

        var csv = await GetAsync(host, "api/reports/retention?format=csv", accept: null);
        var byAccept = await GetAsync(host, "api/reports/retention", accept: "text/csv");
        var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
        Assert.Equal(csv.Body, byAccept.Body);
        Assert.Equal(RetentionCsv.Header, lines[0]);
        Assert.Contains($"month,{SeededShop.MonthLabel(SeededShop.M0)},{SeededShop.M0:yyyy-MM-dd},2,0,{SeededShop.M0:yyyy-MM-dd},true,2,1,2,180,90", lines);
        Assert.Contains($"month,{SeededShop.MonthLabel(SeededShop.M0)},{SeededShop.M0:yyyy-MM-dd},2,1,{SeededShop.M1:yyyy-MM-dd},true,1,0.5,1,30,105", lines);

        var bad = await GetAsync(host, "api/reports/retention?format=xml", accept: null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var document = await GetAsync(host, "api/openapi.json", accept: null);
        var operation = JsonDocument.Parse(document.Body).RootElement.GetProperty("paths").GetProperty("/api/reports/retention").GetProperty("get");
        var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(operation.TryGetProperty("security", out _));
        Assert.True(ok.TryGetProperty("application/json", out _));
        Assert.True(ok.TryGetProperty(ReportFormat.CsvContentType, out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task ALaterRun_ReadsOnlyTheDaysSinceItsWatermark_AndARebuildReadsEveryDay()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var events = new EventStore(storage.Tables);
        await events.InitializeAsync();
        var shop = new SeededShop(events);
        await shop.SeedAsync();

        await using var host = await FunctionTestHost.StartAsync(storage: storage);
        var none = await GetAsync(host, "api/reports/retention", accept: null);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("recompute", none.Body, StringComparison.Ordinal);
        var first = await host.Services.GetRequiredService<RetentionReporter>().ComputeAsync(rebuild: false, CancellationToken.None);
        Assert.True(first.Computed);

        // dave buys today; an order of erin's is filed (late) under a day long before the watermark.
        await shop.OrderAsync("dave", "D1", DateTimeOffset.UtcNow.AddMinutes(-1), 40m);
        await shop.OrderAsync("erin", "E1", SeededShop.M1.AddDays(1), 10m);
        var later = LaterReporter(host, TimeSpan.FromHours(1));
        var second = await later.ComputeAsync(rebuild: false, CancellationToken.None);
        var incremental = await ReadAsync(storage.Tables);

        var laterToday = DateOnly.FromDateTime(second.ComputedAt.UtcDateTime);
        var watermark = (await new ReportStore(storage.Tables).GetAsync(ReportKinds.Retention))!.ReadThrough!.Value;
        Assert.True(second.Computed);
        Assert.Equal(laterToday, watermark);
        Assert.Equal(laterToday.DayNumber - DateOnly.FromDateTime(first.ComputedAt.UtcDateTime).AddDays(-2).DayNumber + 1, second.DaysRead);
        Assert.Equal(4, incremental.Summary.Customers);
        Assert.Equal(310m, incremental.Summary.NetRevenue);

        // The admin recompute reads every day again; the function key is not enough for it.
        using var withFunctionKey = await PostRecomputeAsync(host, FunctionTestHost.FunctionKey);
        using var recompute = await PostRecomputeAsync(host, FunctionTestHost.MasterKey);
        var recomputed = JsonSerializer.Deserialize<RecomputedReports>(await recompute.Content.ReadAsStringAsync(), ApiJson.Options)!;
        var rebuilt = recomputed.Retention;
        var full = await ReadAsync(storage.Tables);

        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recompute.StatusCode);
        Assert.True(rebuilt.Computed);
        Assert.True(recomputed.Campaigns.Computed);
        Assert.Equal(rebuilt.DaysRead, recomputed.Campaigns.DaysRead);
        Assert.Equal(5, full.Summary.Customers);
        Assert.Equal(320m, full.Summary.NetRevenue);
        Assert.Equal(DateOnly.FromDateTime(rebuilt.ComputedAt.UtcDateTime).DayNumber - DateOnly.FromDateTime(SeededShop.M0.AddDays(2).UtcDateTime).DayNumber + 1, rebuilt.DaysRead);
    }

    [Fact]
    public async Task AnErasedContact_LeavesTheNextReport_WithTheirFacts()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var events = new EventStore(storage.Tables);
        await events.InitializeAsync();
        await new SeededShop(events).SeedAsync();

        await using var host = await FunctionTestHost.StartAsync(storage: storage);
        await host.Services.GetRequiredService<RetentionReporter>().ComputeAsync(rebuild: false, CancellationToken.None);
        Assert.True(await host.Services.GetRequiredService<ContactEraser>().EraseAsync("alice", "test", new Nurture.Core.Ingestion.NoJourneyEventSink(), CancellationToken.None));
        await LaterReporter(host, TimeSpan.FromHours(1)).ComputeAsync(rebuild: false, CancellationToken.None);
        var report = await ReadAsync(storage.Tables);

        // bob (80; 30 cancelled) and carol (60) are left: alice's 100 and 50 - 20 went with her.
        Assert.Equal(2, report.Summary.Customers);
        Assert.Equal(2, report.Summary.Orders);
        Assert.Equal(140m, report.Summary.NetRevenue);
        Assert.Equal(0m, report.Summary.Refunded);
        Assert.Equal(0d, report.Summary.RepeatPurchaseRate);
    }

    private static void AssertSeededFigures(RetentionReport report, int customers)
    {
        var summary = report.Summary;
        Assert.Equal(customers, summary.Customers);
        Assert.Equal(4, summary.Orders);
        Assert.Equal(270m, summary.NetRevenue);
        Assert.Equal(20m, summary.Refunded);
        Assert.Equal(1, summary.CancelledOrders);
        Assert.Equal(67.5m, summary.AverageOrderValue);
        Assert.Equal(4d / 3, summary.OrdersPerCustomer, 9);
        Assert.Equal(1d / 3, summary.RepeatPurchaseRate, 9);
        Assert.Equal(90m, summary.HistoricalClv);
        Assert.Equal(0d, summary.ChurnedShare);
        Assert.Null(summary.ChurnRate);
        Assert.Null(summary.PredictiveClv);
        Assert.Equal("EUR", report.Currency);

        var m0 = Assert.Single(report.Monthly.Cohorts, c => c.Label == SeededShop.MonthLabel(SeededShop.M0));
        var m1 = Assert.Single(report.Monthly.Cohorts, c => c.Label == SeededShop.MonthLabel(SeededShop.M1));
        Assert.Equal((2, 3, 210m, 1, 0.5, 70m, 1.5, 105m), (m0.Customers, m0.Orders, m0.NetRevenue, m0.RepeatCustomers, m0.RepeatPurchaseRate, m0.AverageOrderValue, m0.OrdersPerCustomer, m0.HistoricalClv));
        Assert.Equal((1, 1, 60m, 0), (m1.Customers, m1.Orders, m1.NetRevenue, m1.RepeatCustomers));
        Assert.Equal((2, 1d, 2, 180m, 90m), (m0.Periods[0].ActiveCustomers, m0.Periods[0].Retention, m0.Periods[0].Orders, m0.Periods[0].NetRevenue, m0.Periods[0].CumulativeRevenuePerCustomer));
        Assert.Equal((1, 0.5, 1, 30m, 105m), (m0.Periods[1].ActiveCustomers, m0.Periods[1].Retention, m0.Periods[1].Orders, m0.Periods[1].NetRevenue, m0.Periods[1].CumulativeRevenuePerCustomer));
        Assert.Equal(0, m0.Periods[2].ActiveCustomers);
        Assert.Equal(customers, report.Weekly.Cohorts.Sum(c => c.Customers));
    }

    private static RetentionReporter LaterReporter(FunctionTestHost host, TimeSpan later)
    {
        var services = host.Services;
        return new RetentionReporter(
            services.GetRequiredService<IngestionStorage>(),
            services.GetRequiredService<ReportStore>(),
            services.GetRequiredService<OrderFactCollector>(),
            services.GetRequiredService<IOptions<ReportOptions>>(),
            services.GetRequiredService<IOptions<RetentionSettings>>(),
            services.GetRequiredService<IOptions<ScoringSettings>>(),
            new ShiftedClock(later),
            NullLogger<RetentionReporter>.Instance);
    }

    private static async Task<RetentionReport> ReadAsync(TableServiceClient tables) =>
        MetricsJson.Deserialize<RetentionReport>((await new ReportStore(tables).GetAsync(ReportKinds.Retention))!.Json);


    private static async Task<HttpResponseMessage> PostRecomputeAsync(FunctionTestHost host, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/reports/recompute");
        request.Headers.Add("x-functions-key", key);
        return await host.Client.SendAsync(request);
    }

    private static async Task<(HttpStatusCode StatusCode, string Body, string ContentType)> GetAsync(FunctionTestHost host, string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", FunctionTestHost.FunctionKey);
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        using var response = await host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString() ?? string.Empty);
    }
}
