using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Playwright;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Functions;
using Nurture.Functions.Reports;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Functions.Tests.Reports;
using Nurture.Storage.Metrics;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Dashboard.Tests;

/// <summary>
/// <c>GET /api/dashboard</c> in Chromium on the real host: a seeded shop's figures are the ones drawn, the page reaches
/// nothing but its own loopback origin, and screenshots land in <c>TestResults/dashboard</c>.
/// </summary>
/// <remarks>
/// The retention report comes the whole way: Shopify order webhooks, the inbound queue, then the
/// <c>ComputeRetention</c> timer fired by a host start after a missed run. The lifecycle and campaign reports are
/// stored directly (<see cref="SeededReports"/>, computed by the Core calculator from hand-made facts), as their
/// timers store them.
/// </remarks>
public sealed class DashboardPageTests
{
    private const string ShopifySecret = "dashboard-shopify-secret";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WithoutAKey_ThePageIsRefused_AndBeforeAnyReport_EverySectionSaysNotComputedYet()
    {
        await using var host = await FunctionTestHost.StartAsync(storage: TestStorageAccounts.IsolatedAzurite());
        await using var browser = await DashboardBrowser.LaunchAsync();

        var (_, refused) = await browser.OpenAsync(new Uri(host.BaseAddress, "api/dashboard"));
        var (page, response) = await browser.OpenAsync(DashboardAddress(host));
        await page.Locator("body[data-loaded='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "not-computed");

        Assert.Equal(401, refused!.Status);
        Assert.Equal(200, response!.Status);
        foreach (var section in new[] { "retention", "journeys", "lifecycle", "send-time" })
        {
            var part = page.GetByTestId(section);
            Assert.Equal("missing", await part.GetAttributeAsync("data-state"));
            Assert.StartsWith("Not computed yet.", await part.GetByTestId("not-computed").TextContentAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("ComputeRetention", await page.GetByTestId("retention").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(browser.Refused);
        // The 401 and the three 404s are logged as failed loads; anything else (a blocked script or style) is a fault.
        Assert.DoesNotContain(browser.Errors, e => !e.StartsWith("Failed to load resource: the server responded with a status of 40", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnASeededShop_TheChartsShowTheSeededFigures_FromItsOwnOriginOnly()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var settings = new Dictionary<string, string?> { ["Ingestion:ShopifySecret"] = ShopifySecret, ["Ingestion:DefaultCallingCode"] = "1" };
        var m0 = new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-3);
        var ann = Shopper.Unique();
        var ben = Shopper.Unique();
        await using (var intake = await FunctionTestHost.StartAsync(storage: storage, settings: settings))
        {
            // Ann buys in M0 and again in M1, Ben in M0 only: the M0 cohort keeps half its customers in period 1.
            await PostOrderAsync(intake, ann, 810_001, m0.AddDays(2), 100m);
            await PostOrderAsync(intake, ben, 810_002, m0.AddDays(4), 80m);
            await PostOrderAsync(intake, ann, 810_003, m0.AddMonths(1).AddDays(3), 50m);
            await WaitForOrdersAsync(intake, ann, 2);
            await WaitForOrdersAsync(intake, ben, 1);
        }

        await MissedTimerRun.MarkAsync(storage.Tables, FunctionNames.ComputeRetention, TimeSpan.FromHours(1));
        await using var host = await FunctionTestHost.StartAsync(storage: storage, settings: settings);
        var reports = new ReportStore(storage.Tables);
        await Poll.UntilAsync(() => reports.GetAsync(ReportKinds.Retention), Deadline, "the ComputeRetention timer stored the retention report");
        var asOf = DateTimeOffset.UtcNow;
        var campaign = SeededReports.Campaign(asOf);
        await SeededReports.StoreAsync(reports, campaign, SeededReports.Lifecycle(asOf));

        await using var browser = await DashboardBrowser.LaunchAsync();
        var (page, response) = await browser.OpenAsync(DashboardAddress(host));
        await page.Locator("body[data-loaded='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "dashboard");

        Assert.Equal(200, response!.Status);
        Assert.Equal("All reports loaded.", await page.GetByTestId("status").TextContentAsync());

        // Retention: the M0 cohort of two, all of them in period 0, half in period 1.
        var cohort = m0.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Equal("2", await page.GetByTestId("retention-customers").GetAttributeAsync("data-value"));
        Assert.Equal("3", await page.GetByTestId("retention-orders").GetAttributeAsync("data-value"));
        Assert.Equal(("1", "100 %"), await CellAsync(page, "retention-cell", $"[data-cohort='{cohort}'][data-period='0']"));
        Assert.Equal(("0.5", "50 %"), await CellAsync(page, "retention-cell", $"[data-cohort='{cohort}'][data-period='1']"));
        Assert.Equal(("0", "0 %"), await CellAsync(page, "retention-cell", $"[data-cohort='{cohort}'][data-period='2']"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Weekly" }).ClickAsync();
        Assert.Equal("weekly", await page.GetByTestId("retention").GetAttributeAsync("data-grain"));
        var weeklyCohorts = page.Locator("[data-testid='retention-cell'][data-period='0']");
        Assert.Equal(2, (await weeklyCohorts.EvaluateAllAsync<int[]>("cells => cells.map(c => Number(c.getAttribute('data-customers')))")).Sum());
        Assert.All(await weeklyCohorts.EvaluateAllAsync<string[]>("cells => cells.map(c => c.getAttribute('data-value'))"), v => Assert.Equal("1", v));
        await page.GetByTestId("retention").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(DashboardBrowser.ScreenshotFolder, "retention-weekly.png") });

        // Journey funnel of welcome v1 and its split's uplift interval, as the calculator computed them.
        var funnel = page.Locator($"[data-testid='funnel-bar'][data-journey='{SeededReports.Journey}'][data-version='1']:not([data-step])");
        var step = page.Locator($"[data-testid='funnel-bar'][data-step='{SeededReports.Step}']");
        Assert.Equal("10", await funnel.And(page.Locator("[data-stage='entered']")).GetAttributeAsync("data-value"));
        Assert.Equal(("6", "6"), await BarAsync(funnel.And(page.Locator("[data-stage='sent']"))));
        Assert.Equal(("4", "4"), await BarAsync(funnel.And(page.Locator("[data-stage='human_opened']"))));
        Assert.Equal(("2", "2"), await BarAsync(funnel.And(page.Locator("[data-stage='converted_recipients']"))));
        Assert.Equal(("6", "6"), await BarAsync(step.And(page.Locator("[data-stage='delivered']"))));
        Assert.Equal(0, await step.And(page.Locator("[data-stage='entered']")).CountAsync());
        var conversion = campaign.Journeys[0].Versions[0].Splits[0].Comparisons.Single(c => c.Variant == SeededReports.Variant).Conversion;
        var interval = page.Locator($"[data-testid='uplift-interval'][data-split='{SeededReports.Split}'][data-variant='{SeededReports.Variant}'][data-metric='conversion']");
        Assert.Equal(conversion.Interval.Low, Number(await interval.GetByTestId("interval-low").GetAttributeAsync("data-value")), 12);
        Assert.Equal(conversion.Interval.High, Number(await interval.GetByTestId("interval-high").GetAttributeAsync("data-value")), 12);
        Assert.Equal(Points(conversion.Interval.Low), await interval.GetByTestId("interval-low").TextContentAsync());
        Assert.Equal(Points(conversion.Interval.High), await interval.GetByTestId("interval-high").TextContentAsync());
        var verdict = page.GetByTestId("split").GetByTestId("verdict").First;
        var needed = conversion.SampleStillNeeded!.Treatment + conversion.SampleStillNeeded.Baseline;
        Assert.Equal("not_enough_data", await verdict.GetAttributeAsync("data-verdict"));
        Assert.Equal(needed.ToString(CultureInfo.InvariantCulture), await verdict.GetAttributeAsync("data-needed"));
        Assert.StartsWith($"Not enough data yet — {needed.ToString("N0", CultureInfo.InvariantCulture)} more needed", await verdict.TextContentAsync(), StringComparison.Ordinal);

        // Lifecycle stages, the R×F grid and a segment, as stored.
        Assert.Equal(("3", "3"), await BarAsync(page.Locator("[data-testid='stage-bar'][data-stage='new']")));
        Assert.Equal(("2", "2"), await BarAsync(page.Locator("[data-testid='stage-bar'][data-stage='prospect']")));
        Assert.Equal(("3", "3"), await CellAsync(page, "rfm-cell", "[data-r='5'][data-f='1']"));
        Assert.Equal(("0", "0"), await CellAsync(page, "rfm-cell", "[data-r='3'][data-f='3']"));
        Assert.Equal("95.5", await page.Locator("[data-testid='segment-bar'][data-segment='potential_loyalists']").GetAttributeAsync("data-revenue"));

        // The send-time experiment: opens 3 of 3 optimised against 1 of 3 control, with the difference's interval.
        var sendTime = campaign.SendTime!;
        Assert.Equal("3", await page.GetByTestId("send-time-optimized").GetAttributeAsync("data-value"));
        Assert.Equal(("1", "100 % (3 of 3)"), await BarAsync(page.Locator("[data-testid='send-time-rate'][data-metric='open_rate'][data-side='optimized']")));
        Assert.Equal(("0.3333333333333333", "33.3 % (1 of 3)"), await BarAsync(page.Locator("[data-testid='send-time-rate'][data-metric='open_rate'][data-side='control']")));
        var openInterval = page.Locator("[data-testid='send-time-interval'][data-metric='open_rate']");
        Assert.Equal(sendTime.OpenRate!.Interval.Low, Number(await openInterval.GetByTestId("interval-low").GetAttributeAsync("data-value")), 12);
        Assert.Equal(sendTime.OpenRate.Interval.High, Number(await openInterval.GetByTestId("interval-high").GetAttributeAsync("data-value")), 12);
        await page.GetByTestId("journeys").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(DashboardBrowser.ScreenshotFolder, "journeys.png") });

        // Same origin only, and every report read with the key the page was opened with.
        var reads = browser.Requests.Where(u => u.Contains("/api/reports/", StringComparison.Ordinal)).ToList();
        Assert.Empty(browser.Refused);
        Assert.All(browser.Requests, u => Assert.True(new Uri(u).IsLoopback, u));
        Assert.Equal(3, reads.Count);
        Assert.All(reads, u => Assert.Contains("code=" + FunctionTestHost.FunctionKey, u, StringComparison.Ordinal));
        Assert.Empty(browser.Errors);
    }

    private static Uri DashboardAddress(FunctionTestHost host) => new(host.BaseAddress, "api/dashboard?code=" + Uri.EscapeDataString(FunctionTestHost.FunctionKey));

    private static string Points(double difference)
    {
        var rounded = Math.Round(difference * 1000, MidpointRounding.AwayFromZero) / 10;
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : string.Empty) + Math.Abs(rounded).ToString("0.#", CultureInfo.InvariantCulture) + " pp";
    }

    private static double Number(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);

    private static async Task<(string? Value, string? Text)> CellAsync(IPage page, string testId, string filter)
    {
        var cell = page.Locator($"[data-testid='{testId}']{filter}");
        return (await cell.GetAttributeAsync("data-value"), await cell.Locator("text").Last.TextContentAsync());
    }

    private static async Task<(string? Value, string? Text)> BarAsync(ILocator bar) =>
        (await bar.GetAttributeAsync("data-value"), await bar.Locator("text.bar-value").TextContentAsync());

    private static async Task PostOrderAsync(FunctionTestHost host, Shopper shopper, long orderId, DateTimeOffset placedAt, decimal total)
    {
        var order = JsonNode.Parse(ShopifyPayloads.Order(shopper, orderId, total))!.AsObject();
        var at = placedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        order["created_at"] = at;
        order["processed_at"] = at;
        var body = Encoding.UTF8.GetBytes(order.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", "dashboard-shop.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body)));
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static Task WaitForOrdersAsync(FunctionTestHost host, Shopper shopper, int orders) => Poll.UntilAsync(
        async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/contacts/" + Uri.EscapeDataString(shopper.Email));
            request.Headers.Add("x-functions-key", FunctionTestHost.FunctionKey);
            using var response = await host.Client.SendAsync(request);
            return response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("profile").GetProperty("orders").GetProperty("order_count").GetInt32() == orders;
        },
        Deadline,
        $"{orders} order(s) of a shopper were processed");
}
