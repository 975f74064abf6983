using System.Globalization;
using System.Net;
using System.Text.Json;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Scoring;
using Nurture.Functions.Dashboard;
using Nurture.Functions.Http;
using Nurture.Functions.Reports;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Metrics;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Reports;

/// <summary><c>GET /api/reports/lifecycle</c>, <c>GET /api/reports/journeys</c> and <c>GET /api/dashboard</c> on the real host, over reports stored as their timers store them.</summary>
public sealed class ReportEndpointsTests
{
    [Fact]
    public async Task BeforeTheFirstComputation_BothReportsAre404NamingTheirTimer_ThenServeTheStoredFiguresAsJsonAndCsv()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        await using var host = await FunctionTestHost.StartAsync(storage: storage);

        var noLifecycle = await GetAsync(host, "api/reports/lifecycle");
        var noJourneys = await GetAsync(host, "api/reports/journeys?format=csv");
        Assert.Equal(HttpStatusCode.NotFound, noLifecycle.StatusCode);
        Assert.StartsWith("application/problem+json", noLifecycle.ContentType, StringComparison.Ordinal);
        Assert.Contains("ScoreContacts", noLifecycle.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noJourneys.StatusCode);
        Assert.Contains("ComputeCampaignMetrics", noJourneys.Body, StringComparison.Ordinal);

        var asOf = DateTimeOffset.UtcNow;
        var campaign = SeededReports.Campaign(asOf);
        var lifecycle = SeededReports.Lifecycle(asOf);
        AssertHandComputedCampaign(campaign);
        await SeededReports.StoreAsync(new ReportStore(storage.Tables), campaign, lifecycle);

        var lifecycleJson = await GetAsync(host, "api/reports/lifecycle");
        Assert.Equal(HttpStatusCode.OK, lifecycleJson.StatusCode);
        Assert.Equal(JsonSerializer.Serialize(lifecycle, ApiJson.Options), lifecycleJson.Body);
        var stages = JsonDocument.Parse(lifecycleJson.Body).RootElement.GetProperty("stages");
        Assert.Equal(3, stages.EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "new").GetProperty("contacts").GetInt32());

        var lifecycleCsv = await GetAsync(host, "api/reports/lifecycle?format=csv");
        var lifecycleLines = lifecycleCsv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("text/csv", lifecycleCsv.ContentType, StringComparison.Ordinal);
        Assert.Equal(LifecycleCsv.Header, lifecycleLines[0]);
        Assert.Equal(1 + 6 + 11 + 25, lifecycleLines.Length);
        Assert.Contains("stage,new,,,3,", lifecycleLines);
        Assert.Contains("segment,potential_loyalists,,,1,95.5", lifecycleLines);
        Assert.Contains("segment,cannot_lose_them,,,0,0", lifecycleLines);
        Assert.Contains("rfm,,5,1,3,", lifecycleLines);
        Assert.Equal(lifecycleCsv.Body, (await GetAsync(host, "api/reports/lifecycle", accept: "text/csv")).Body);

        var journeysJson = await GetAsync(host, "api/reports/journeys");
        Assert.Equal(HttpStatusCode.OK, journeysJson.StatusCode);
        Assert.Equal(JsonSerializer.Serialize(campaign, ApiJson.Options), journeysJson.Body);

        var funnels = (await GetAsync(host, "api/reports/journeys?format=csv")).Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(JourneysCsv.FunnelsHeader, funnels[0]);
        Assert.StartsWith("total,,,,,,10,6,6,6,0,6,4,0,2,0,0,0,2,2,2,80,", funnels[1], StringComparison.Ordinal);
        Assert.Contains(funnels, l => l.StartsWith("version,welcome,1,,,,10,6,6,6,0,6,4,0,2,0,0,0,2,2,2,80,", StringComparison.Ordinal));
        Assert.Contains(funnels, l => l.StartsWith("step,welcome,1,email-1,email,,,6,6,6,0,6,4,0,2,0,0,0,2,2,2,80,", StringComparison.Ordinal));
        Assert.Contains(funnels, l => l.StartsWith("step_variant,welcome,1,email-1,email,a,,6,6,", StringComparison.Ordinal));

        var uplift = (await GetAsync(host, "api/reports/journeys?format=csv&table=uplift")).Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var conversion = campaign.Journeys[0].Versions[0].Splits[0].Comparisons.Single(c => c.Variant == SeededReports.Variant).Conversion;
        Assert.Equal(JourneysCsv.UpliftHeader, uplift[0]);
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"split,welcome,1,split-1,conversion,a,holdout,6,{2d / 6:R},4,0.25,{conversion.Difference:R},{conversion.Interval.Low:R},{conversion.Interval.High:R},not_enough_data,{conversion.SampleStillNeeded!.Treatment},{conversion.SampleStillNeeded.Baseline}"),
            uplift);
        Assert.Contains(uplift, l => l.StartsWith("send_time,,,,click,optimized,control,3,", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(host, "api/reports/journeys?format=csv&table=steps")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(host, "api/reports/lifecycle?format=xml")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(host, "api/reports/journeys", key: null)).StatusCode);

        var paths = JsonDocument.Parse((await GetAsync(host, "api/openapi.json")).Body).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/reports/lifecycle", "/api/reports/journeys" })
        {
            var operation = paths.GetProperty(path).GetProperty("get");
            var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.True(operation.TryGetProperty("security", out _));
            Assert.True(ok.TryGetProperty("application/json", out _));
            Assert.True(ok.TryGetProperty(ReportFormat.CsvContentType, out _));
            Assert.True(operation.GetProperty("responses").TryGetProperty("404", out _));
        }
    }

    [Fact]
    public async Task TheDashboard_IsRefusedWithoutAKey_AndWithOne_IsOneSelfContainedPage_ThatMayReachItsOwnOriginOnly()
    {
        await using var host = await FunctionTestHost.StartAsync(storage: TestStorageAccounts.IsolatedAzurite());

        var refused = await GetAsync(host, "api/dashboard", key: null);
        var page = await GetAsync(host, "api/dashboard?code=" + FunctionTestHost.FunctionKey, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(DashboardPage.ContentType, page.ContentType);
        Assert.StartsWith("<!doctype html>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<script>", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Body.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page.Body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", page.Policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-", page.Policy, StringComparison.Ordinal);
    }

    private static void AssertHandComputedCampaign(CampaignReport report)
    {
        var version = Assert.Single(Assert.Single(report.Journeys).Versions);
        var funnel = version.Funnel;
        Assert.Equal((10, 6, 6, 6, 4, 2, 2, 2, 80m), (funnel.Entered, funnel.Recipients, funnel.Sent, funnel.Delivered, funnel.HumanOpened, funnel.Clicked, funnel.Conversions, funnel.ConvertedRecipients, funnel.Revenue));
        var split = Assert.Single(version.Splits);
        Assert.Equal((6, 2, 80m), split.Groups.Where(g => g.Variant == SeededReports.Variant).Select(g => (g.Contacts, g.Converted, g.Revenue)).Single());
        Assert.Equal((4, 1, 20m), split.Groups.Where(g => g.Variant == "holdout").Select(g => (g.Contacts, g.Converted, g.Revenue)).Single());
        var sendTime = report.SendTime!;
        Assert.Equal((3, 3), (sendTime.OptimizedSends, sendTime.ControlSends));
        Assert.Equal((3, 3, 1, 3), (sendTime.OpenRate!.Treatment.Successes, sendTime.OpenRate.Treatment.Trials, sendTime.OpenRate.Baseline.Successes, sendTime.OpenRate.Baseline.Trials));
        Assert.Equal((2, 0), (sendTime.ClickRate.Treatment.Successes, sendTime.ClickRate.Baseline.Successes));
        Assert.Equal((2, 0), (sendTime.ConversionRate.Treatment.Successes, sendTime.ConversionRate.Baseline.Successes));
    }

    private static async Task<(HttpStatusCode StatusCode, string Body, string ContentType, string Policy)> GetAsync(FunctionTestHost host, string path, string? accept = null, string? key = FunctionTestHost.FunctionKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        using var response = await host.Client.SendAsync(request);
        var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(";", values) : string.Empty;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString() ?? string.Empty, policy);
    }
}
