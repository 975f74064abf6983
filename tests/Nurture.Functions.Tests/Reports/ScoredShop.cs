using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Reports;

/// <summary>
/// A small shop for scoring, loaded through the public webhooks and track API (Shopify orders with past
/// <c>created_at</c>), with a fixed purchase cycle of 10 days: dormant after 20 days without a purchase, churned after 40.
/// </summary>
/// <remarks>
/// Seeded at S (days before S): ann 50 at 30, 20 and 5 (loyal); dan 100 at 12 and 3 (active); fay 60 at 20 days less
/// 30 minutes (new, dormant 30 minutes after S); ben 40 at 25 (dormant); cat 30 at 50 (churned); eve only views
/// product p9 in Shoes three times at 4 (a prospect interested in shoes). Nothing within the last two days, so a run
/// re-reading its late-arrival days finds nobody changed until a new event arrives.
/// </remarks>
internal sealed class ScoredShop(FunctionTestHost host)
{
    private FunctionTestHost _host = host;

    public const string ShopifySecret = "scoring-shopify-secret";

    /// <summary>The host to ingest through (a later host on the same storage keeps the same shoppers).</summary>
    public FunctionTestHost Host
    {
        get => _host;
        set => _host = value;
    }

    /// <summary>The host settings the shop needs.</summary>
    public static Dictionary<string, string?> Settings => new()
    {
        ["Ingestion:ShopifySecret"] = ShopifySecret,
        ["Ingestion:DefaultCallingCode"] = "1",
        ["Metrics:Scoring:PurchaseCycle"] = "10.00:00:00",
    };

    public Shopper Ann { get; } = Shopper.Unique();

    public Shopper Ben { get; } = Shopper.Unique();

    public Shopper Cat { get; } = Shopper.Unique();

    public Shopper Dan { get; } = Shopper.Unique();

    public Shopper Eve { get; } = Shopper.Unique();

    public Shopper Fay { get; } = Shopper.Unique();

    /// <summary>Ingests the shop as of <paramref name="seededAt"/> and waits until every profile shows it.</summary>
    public async Task SeedAsync(DateTimeOffset seededAt)
    {
        var orderId = Random.Shared.NextInt64(1_000_000, 9_000_000);
        await OrderAsync(Ann, ++orderId, seededAt.AddDays(-30), 50m);
        await OrderAsync(Ann, ++orderId, seededAt.AddDays(-20), 50m);
        await OrderAsync(Ann, ++orderId, seededAt.AddDays(-5), 50m);
        await OrderAsync(Dan, ++orderId, seededAt.AddDays(-12), 100m);
        await OrderAsync(Dan, ++orderId, seededAt.AddDays(-3), 100m);
        await OrderAsync(Fay, ++orderId, seededAt.AddDays(-20).AddMinutes(30), 60m);
        await OrderAsync(Ben, ++orderId, seededAt.AddDays(-25), 40m);
        await OrderAsync(Cat, ++orderId, seededAt.AddDays(-50), 30m);
        var views = Enumerable.Range(0, 3).Select(i => new
        {
            type = "product_viewed",
            contact = new { email = Eve.Email },
            occurredAt = seededAt.AddDays(-4).AddMinutes(i).ToString("O", CultureInfo.InvariantCulture),
            properties = new { productId = "p9", category = "Shoes" },
            idempotencyKey = Guid.NewGuid().ToString("N"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/events") { Content = new StringContent(JsonSerializer.Serialize(views), Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", FunctionTestHost.FunctionKey);
        using var tracked = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, tracked.StatusCode);

        foreach (var (shopper, orders) in new[] { (Ann, 3), (Dan, 2), (Fay, 1), (Ben, 1), (Cat, 1) })
        {
            await WaitForOrdersAsync(shopper, orders);
        }

        await Poll.UntilAsync(async () => (await ContactIdAsync(Eve)) is { } id ? id : null, TimeSpan.FromSeconds(60), "eve's profile");
    }

    /// <summary>Posts a Shopify <c>orders/create</c> placed at <paramref name="at"/>.</summary>
    public async Task OrderAsync(Shopper shopper, long orderId, DateTimeOffset at, decimal total)
    {
        var order = JsonNode.Parse(ShopifyPayloads.Order(shopper, orderId, total))!.AsObject();
        var time = at.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        order["created_at"] = time;
        order["processed_at"] = time;
        order["updated_at"] = time;
        var body = Encoding.UTF8.GetBytes(order.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", "test-shop.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body)));
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Waits until the shopper's profile counts <paramref name="orders"/> orders.</summary>
    public Task WaitForOrdersAsync(Shopper shopper, int orders) =>
        Poll.UntilAsync(
            async () => await ContactIdAsync(shopper) is { } id && (await Storage.Profiles.GetAsync(id))?.Orders.OrderCount == orders ? id : null,
            TimeSpan.FromSeconds(60),
            $"{orders} orders on a profile");

    /// <summary>The shopper's contact id, or null before their profile exists.</summary>
    public async Task<string?> ContactIdAsync(Shopper shopper)
    {
        await foreach (var profile in Storage.Profiles.ListAsync())
        {
            if (profile.Emails.Contains(shopper.NormalizedEmail))
            {
                return profile.ContactId;
            }
        }

        return null;
    }

    private IngestionStorage Storage => (IngestionStorage)_host.Services.GetService(typeof(IngestionStorage))!;
}
