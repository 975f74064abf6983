using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Templates;
using Nurture.Channels.Webhooks;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Delivery;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Delivery;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Privacy;

/// <summary>
/// The whole app on the local host with its own Azurite tables: Shopify and Twilio webhooks with test secrets, email
/// sent through SendGrid faked on 127.0.0.1, and two journeys: one send, and a send then a long delay then a send.
/// </summary>
public sealed class PrivacyHostFixture : IAsyncLifetime
{
    public const string ShopifySecret = "privacy-shopify-secret";
    public const string TwilioToken = "privacy-twilio-token";
    public const string PublicBase = "https://nurture.example.com";
    public const string OneSendJourney = "privacy-one-send";
    public const string WaitingJourney = "privacy-waiting";

    public WireMockProvider SendGrid { get; private set; } = null!;

    public FunctionTestHost Host { get; private set; } = null!;

    public TestStorageAccounts Accounts { get; } = TestStorageAccounts.IsolatedAzurite();

    public IngestionStorage Ingestion => Host.Services.GetRequiredService<IngestionStorage>();

    public JourneyStorage Journeys => Host.Services.GetRequiredService<JourneyStorage>();

    public SendStatusStore Statuses => Host.Services.GetRequiredService<SendStatusStore>();

    public async Task InitializeAsync()
    {
        SendGrid = await WireMockProvider.StartAsync();
        SendGrid.Answer = _ => new ProviderAnswer(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "pm" + Guid.NewGuid().ToString("N")[..14] });
        Host = await FunctionTestHost.StartAsync(
            configure: null,
            new Dictionary<string, string?>
            {
                ["Channels:Email"] = "sendgrid",
                ["Channels:PublicBaseUrl"] = PublicBase,
                ["Channels:Unsubscribe:Secret"] = "privacy-unsubscribe-secret-0123456789abcdef",
                ["Channels:SendGrid:ApiKey"] = "SG.privacy-test-key",
                ["Channels:SendGrid:BaseUrl"] = SendGrid.BaseUrl,
                ["Channels:SendGrid:SandboxMode"] = "true",
                ["Ingestion:ShopifySecret"] = ShopifySecret,
                ["Ingestion:TwilioAuthToken"] = TwilioToken,
                ["Ingestion:TwilioPublicBaseUrl"] = PublicBase,
                ["Ingestion:DefaultCallingCode"] = "1",
                ["Journeys:SendPolicy:EmailQuietHours"] = "off",
                ["Journeys:SendPolicy:SmsQuietHours"] = "off",
            },
            Accounts);
        Host.Client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);
        await Journeys.EnsureCreatedAsync();
        await Ingestion.EnsureInitializedAsync(CancellationToken.None);
        await Journeys.Templates.SaveAsync(new MessageTemplate("privacy-email", "Hi {{first_name}}.", "News for you"));
        await Journeys.Definitions.PublishAsync(JourneyJson.Parse(Journey(OneSendJourney, """
            { "type": "send_email", "id": "send", "template": "privacy-email", "channel": { "sender": "shop@example.com", "subject": "Hello" }, "next": "done" },
            """)));
        await Journeys.Definitions.PublishAsync(JourneyJson.Parse(Journey(WaitingJourney, """
            { "type": "send_email", "id": "send", "template": "privacy-email", "channel": { "sender": "shop@example.com", "subject": "Hello" }, "next": "pause" },
            { "type": "delay", "id": "pause", "duration": "1.00:00:00", "next": "again" },
            { "type": "send_email", "id": "again", "template": "privacy-email", "channel": { "sender": "shop@example.com", "subject": "Again" }, "next": "done" },
            """)));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await SendGrid.DisposeAsync();
    }

    /// <summary>Posts a Shopify delivery signed with the test secret.</summary>
    public Task<HttpResponseMessage> PostShopifyAsync(string topic, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", "privacy-shop.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body)));
        return Host.Client.SendAsync(request);
    }

    /// <summary>Posts a Twilio inbound message, signed for the public URL.</summary>
    public Task<HttpResponseMessage> PostTwilioInboundAsync(Dictionary<string, string> form)
    {
        const string Path = "api/webhooks/twilio/inbound";
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignatureVerifier.HeaderName, new TwilioSignatureVerifier(TwilioToken).Sign(PublicBase + "/" + Path, form));
        return Host.Client.SendAsync(request);
    }

    /// <summary>Starts a journey for the contact over HTTP; the instance id.</summary>
    public async Task<string> StartAsync(string journeyId, string contactId)
    {
        using var started = await Host.Client.PostAsJsonAsync($"api/journeys/{journeyId}/start", new { contact_id = contactId, request_key = Guid.NewGuid().ToString("N") });
        Assert.True(started.IsSuccessStatusCode, $"start answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString()!;
    }

    /// <summary>The instance's view once <paramref name="condition"/> holds for it.</summary>
    public async Task<JsonElement> WaitForInstanceAsync(string instanceId, Func<JsonElement, bool> condition, string what)
    {
        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await Host.Client.GetAsync($"api/journeys/instances/{instanceId}");
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return condition(view);
            },
            TimeSpan.FromSeconds(45),
            what);
        return view;
    }

    /// <summary>The contact as the API answers, or null when there is none.</summary>
    public async Task<JsonElement?> ContactAsync(string idEmailOrPhone)
    {
        using var response = await Host.Client.GetAsync("api/contacts/" + Uri.EscapeDataString(idEmailOrPhone));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Polls until the contact exists and <paramref name="condition"/> holds.</summary>
    public async Task<JsonElement> WaitForContactAsync(string idEmailOrPhone, Func<JsonElement, bool> condition, string what) =>
        (await Eventually.ValueAsync(async () => await ContactAsync(idEmailOrPhone) is { } c && condition(c) ? new Box(c) : null, TimeSpan.FromSeconds(30), what)).Value;

    /// <summary>Waits until every accepted delivery has been processed.</summary>
    public Task QuietAsync() =>
        Eventually.HoldsAsync(async () => await Ingestion.Inbound.ApproximateCountAsync() == 0, TimeSpan.FromSeconds(30), "every delivery processed");

    private static string Journey(string id, string nodes) => $$"""
        {
          "id": "{{id}}", "name": "{{id}}", "version": 1,
          "entry": { "kind": "api" }, "re_entry": { "mode": "always" }, "start": "send",
          "nodes": [
            {{nodes}}
            { "type": "exit", "id": "done", "reason": "finished" }
          ]
        }
        """;

    private sealed record Box(JsonElement Value);
}

[CollectionDefinition(Name)]
public sealed class PrivacyCollection : ICollectionFixture<PrivacyHostFixture>
{
    public const string Name = "privacy";
}
