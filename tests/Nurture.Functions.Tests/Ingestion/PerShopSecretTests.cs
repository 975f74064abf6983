using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Shops with secrets of their own: each delivery is verified with its shop's secret, others with the platform's.</summary>
public sealed class PerShopSecretTests : IAsyncLifetime
{
    private const string CandlesSecret = "candles-own-secret";
    private const string SoapSecret = "soap-own-secret";
    private const string WooSecret = "woo-site-secret";
    private const string BigCommerceStoreSecret = "bigcommerce-store-secret";
    private const string BigCommercePlatformSecret = "bigcommerce-platform-secret";

    private FunctionTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FunctionTestHost.StartAsync(
        configure: null,
        new Dictionary<string, string?>
        {
            ["Ingestion:Shops:0:Shop"] = "candles.myshopify.com",
            ["Ingestion:Shops:0:ShopifySecret"] = CandlesSecret,
            ["Ingestion:Shops:1:Shop"] = "SOAP.myshopify.com",
            ["Ingestion:Shops:1:ShopifySecret"] = SoapSecret,
            ["Ingestion:Shops:2:Shop"] = "https://woo.example.com/",
            ["Ingestion:Shops:2:WooCommerceSecret"] = WooSecret,
            ["Ingestion:Shops:3:Shop"] = "stores/abc123",
            ["Ingestion:Shops:3:BigCommerceSecret"] = BigCommerceStoreSecret,
            ["Ingestion:BigCommerceSecret"] = BigCommercePlatformSecret,
        },
        TestStorageAccounts.IsolatedAzurite());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("candles.myshopify.com", CandlesSecret, HttpStatusCode.Accepted)]
    [InlineData("soap.myshopify.com", SoapSecret, HttpStatusCode.Accepted)]
    [InlineData("candles.myshopify.com", SoapSecret, HttpStatusCode.Unauthorized)]
    [InlineData("soap.myshopify.com", CandlesSecret, HttpStatusCode.Unauthorized)]
    [InlineData("stranger.myshopify.com", CandlesSecret, HttpStatusCode.ServiceUnavailable)]
    public async Task Shopify_IsVerifiedWithTheSendingShopsSecret(string shop, string signingSecret, HttpStatusCode expected)
    {
        var body = Encoding.UTF8.GetBytes(ShopifyPayloads.Order(Shopper.Unique(), 7001));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", shop);
        request.Headers.Add("X-Shopify-Hmac-Sha256", Sign(signingSecret, body));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Contains("Shop 'stranger.myshopify.com'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://woo.example.com", WooSecret, HttpStatusCode.Accepted)]
    [InlineData("https://woo.example.com/", "someone-elses-secret", HttpStatusCode.Unauthorized)]
    [InlineData("https://other.example.com/", WooSecret, HttpStatusCode.ServiceUnavailable)]
    public async Task WooCommerce_IsVerifiedWithTheSendingSitesSecret(string source, string signingSecret, HttpStatusCode expected)
    {
        var body = File.ReadAllBytes(Path.Combine(NodeScript.RepositoryRoot(), "tests", "Nurture.Channels.Tests", "Fixtures", "WooCommerce", "order-created.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/woocommerce") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-WC-Webhook-Topic", "order.created");
        request.Headers.Add("X-WC-Webhook-Delivery-ID", Guid.NewGuid().ToString());
        request.Headers.Add("X-WC-Webhook-Source", source);
        request.Headers.Add("X-WC-Webhook-Signature", Sign(signingSecret, body));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(BigCommerceStoreSecret, HttpStatusCode.Accepted)]
    [InlineData(BigCommercePlatformSecret, HttpStatusCode.Accepted)]
    [InlineData("a-guess", HttpStatusCode.Unauthorized)]
    public async Task BigCommerce_AcceptsAnyConfiguredSecret(string secret, HttpStatusCode expected)
    {
        var body = File.ReadAllBytes(Path.Combine(NodeScript.RepositoryRoot(), "tests", "Nurture.Channels.Tests", "Fixtures", "BigCommerce", "order-created.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/bigcommerce") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Nurture-Webhook-Secret", secret);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("Ingestion:Shops:0:ShopifySecret", "x", "needs its Shop")]
    [InlineData("Ingestion:Shops:0:Shop", "a.myshopify.com", "needs at least one of")]
    public void BadShopEntries_StopTheAppNamingTheProblem(string key, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build());
        services.AddIngestion();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IngestionOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShopListedTwice_IsRefused()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingestion:Shops:0:Shop"] = "a.myshopify.com",
            ["Ingestion:Shops:0:ShopifySecret"] = "one",
            ["Ingestion:Shops:1:Shop"] = "https://A.myshopify.com/",
            ["Ingestion:Shops:1:ShopifySecret"] = "two",
        }).Build());
        services.AddIngestion();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IngestionOptions>>().Value);

        Assert.Contains("only once", error.Message, StringComparison.Ordinal);
    }

    private static string Sign(string secret, byte[] body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
