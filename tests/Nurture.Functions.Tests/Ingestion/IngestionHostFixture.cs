using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>
/// One real host running the whole Nurture function set on Azurite, with known webhook secrets. Tests use
/// unique identities (emails, customer ids) so they never see each other's contacts.
/// </summary>
public sealed class IngestionHostFixture : IAsyncLifetime
{
    public const string ShopifySecret = "shopify-test-secret";
    public const string WooSecret = "woo-test-secret";
    public const string BigCommerceSecret = "bigcommerce-test-secret";
    public const string TwilioToken = "twilio-test-token";
    public const string PublicBase = "https://nurture.example.com";

    public ECDsa SendGridKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public FunctionTestHost Host { get; private set; } = null!;

    public IngestionStorage Storage => (IngestionStorage)Host.Services.GetService(typeof(IngestionStorage))!;

    public async Task InitializeAsync() => Host = await FunctionTestHost.StartAsync(
        configure: null,
        new Dictionary<string, string?>
        {
            ["Ingestion:ShopifySecret"] = ShopifySecret,
            ["Ingestion:WooCommerceSecret"] = WooSecret,
            ["Ingestion:BigCommerceSecret"] = BigCommerceSecret,
            ["Ingestion:TwilioAuthToken"] = TwilioToken,
            ["Ingestion:TwilioPublicBaseUrl"] = PublicBase,
            ["Ingestion:SendGridVerificationKey"] = Convert.ToBase64String(SendGridKey.ExportSubjectPublicKeyInfo()),
            ["Ingestion:DefaultCallingCode"] = "1",
            ["Host:MaxRequestBodyBytes"] = "262144",
        });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        SendGridKey.Dispose();
    }

    /// <summary>Posts a Shopify delivery signed with the test secret (or the given signature).</summary>
    public Task<HttpResponseMessage> PostShopifyAsync(string topic, string json, string? eventId = null, string? signature = null, string contentType = "application/json", HttpClient? client = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Event-Id", eventId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", "test-shop.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature ?? Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body)));
        return (client ?? Host.Client).SendAsync(request);
    }

    /// <summary>Sends a request with the test function key.</summary>
    public Task<HttpResponseMessage> SendWithKeyAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("x-functions-key", FunctionTestHost.FunctionKey);
        return Host.Client.SendAsync(request);
    }
}
