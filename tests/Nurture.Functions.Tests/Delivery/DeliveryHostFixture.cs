using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Templates;
using Nurture.Channels.Webhooks;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Profiles;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>
/// The app on the local host with Azurite, its email channel set to SendGrid and its SMS channel to Twilio, both
/// faked at HTTP on 127.0.0.1; the SendGrid and Twilio webhooks configured with test keys.
/// </summary>
public sealed class DeliveryHostFixture : IAsyncLifetime
{
    public const string PublicBase = "https://nurture.example.com";
    public const string SendGridKey = "SG.delivery-test-key";
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string ServiceSid = "MG0123456789abcdef0123456789abcdef";
    public const string UnsubscribeSecret = "delivery-unsubscribe-secret-0123456789abcdef";
    public const string ShopifySecret = "delivery-shopify-secret";
    public const string DefaultFrom = "hello@example.com";
    public const string DefaultReplyTo = "care@example.com";
    public const string OtherShop = "other-shop.myshopify.com";
    public const string OtherShopFrom = "news@other-shop.example";
    public const string DynamicTemplateId = "d-0123456789abcdef0123456789abcdef";

    public ECDsa WebhookKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public WireMockProvider SendGrid { get; private set; } = null!;

    public WireMockProvider Twilio { get; private set; } = null!;

    public FunctionTestHost Host { get; private set; } = null!;

    public TestStorageAccounts Accounts { get; } = TestStorageAccounts.IsolatedAzurite();

    public IngestionStorage Ingestion => Host.Services.GetRequiredService<IngestionStorage>();

    public JourneyStorage Journeys => Host.Services.GetRequiredService<JourneyStorage>();

    public async Task InitializeAsync()
    {
        SendGrid = await WireMockProvider.StartAsync();
        Twilio = await WireMockProvider.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Email"] = "sendgrid",
            ["Channels:Sms"] = "twilio",
            ["Channels:PublicBaseUrl"] = PublicBase,
            ["Channels:Unsubscribe:Secret"] = UnsubscribeSecret,
            ["Channels:SendGrid:ApiKey"] = SendGridKey,
            ["Channels:SendGrid:BaseUrl"] = SendGrid.BaseUrl,
            ["Channels:SendGrid:SandboxMode"] = "true",
            ["Channels:Twilio:AccountSid"] = AccountSid,
            ["Channels:Twilio:AuthToken"] = AuthToken,
            ["Channels:Twilio:MessagingServiceSid"] = ServiceSid,
            ["Channels:Twilio:BaseUrl"] = Twilio.BaseUrl,
            ["Channels:Shops:default:EmailFrom"] = DefaultFrom,
            ["Channels:Shops:default:EmailFromName"] = "Example Shop",
            ["Channels:Shops:default:ReplyTo"] = DefaultReplyTo,
            [$"Channels:Shops:{OtherShop}:EmailFrom"] = OtherShopFrom,
            [$"Channels:Shops:{OtherShop}:EmailFromName"] = "Other Shop",
            [$"Channels:Shops:{OtherShop}:SmsOptOut"] = "EveryMarketing",
            [$"Channels:Shops:{OtherShop}:SmsOptOutText"] = "Text STOP to end",
            ["Ingestion:ShopifySecret"] = ShopifySecret,
            ["Ingestion:SendGridVerificationKey"] = Convert.ToBase64String(WebhookKey.ExportSubjectPublicKeyInfo()),
            ["Ingestion:TwilioAuthToken"] = AuthToken,
            ["Ingestion:TwilioPublicBaseUrl"] = PublicBase,
            ["Ingestion:DefaultCallingCode"] = "1",
            ["Journeys:SendPolicy:EmailQuietHours"] = "off",
            ["Journeys:SendPolicy:SmsQuietHours"] = "off",
        };
        foreach (var provider in new[] { "SendGrid", "Twilio" })
        {
            settings[$"Channels:{provider}:Retry:BaseDelay"] = "00:00:00.010";
            settings[$"Channels:{provider}:Retry:MaxDelay"] = "00:00:00.050";
            settings[$"Channels:{provider}:Retry:MaxServerDelay"] = "00:00:05";
            settings[$"Channels:{provider}:Retry:AttemptTimeout"] = "00:00:10";
            settings[$"Channels:{provider}:Retry:TotalTimeout"] = "00:00:20";
        }

        Host = await FunctionTestHost.StartAsync(settings: settings, storage: Accounts);
        Host.Client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);
        await Journeys.EnsureCreatedAsync();
        await Ingestion.EnsureInitializedAsync(CancellationToken.None);
        await Journeys.Templates.SaveAsync(new MessageTemplate("delivery-email", "Hi {{first_name}}, your cart is waiting.", "{{first_name}}, you left something"));
        await Journeys.Templates.SaveAsync(new MessageTemplate("delivery-sms", "{{first_name}}: your cart is still there."));
        await Journeys.Definitions.PublishAsync(JourneyJson.Parse(OneSend("delivery-email-journey", "send_email", "delivery-email", """{ "sender": "shop@example.com", "subject": "Hello", "category": "cart" }""")));
        await Journeys.Definitions.PublishAsync(JourneyJson.Parse(OneSend("delivery-sms-journey", "send_sms", "delivery-sms", """{ "sender": "+15550100" }""")));
        await Journeys.Definitions.PublishAsync(JourneyJson.Parse(OneSend("shop-email-journey", "send_email", "delivery-email", """{ "category": "cart" }""")));
        await Journeys.Definitions.PublishAsync(JourneyJson.Parse(OneSend("dynamic-email-journey", "send_email", DynamicTemplateId, """{ "sender": "promo@example.com", "subject": "{{first_name}}, a gift" }""")));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await SendGrid.DisposeAsync();
        await Twilio.DisposeAsync();
        WebhookKey.Dispose();
    }

    /// <summary>A shopper with an email and a phone (both claimed, as ingestion does), consent granted for both a day ago.</summary>
    public async Task<(string ContactId, string Email, string Phone)> SeedShopperAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var email = $"shopper-{unique}@example.com";
        var phone = "+1555" + (RandomNumberGenerator.GetInt32(1_000_000, 9_999_999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var contactId = ContactResolver.DeriveContactId(IdentityKind.Email, email);
        var since = DateTimeOffset.UtcNow.AddDays(-1);
        await Ingestion.Index.ClaimAsync(IdentityKind.Email, email, contactId);
        await Ingestion.Index.ClaimAsync(IdentityKind.Phone, phone, contactId);
        await Ingestion.Profiles.UpdateAsync(contactId, profile => profile with
        {
            Emails = profile.Emails.Add(email),
            Phones = profile.Phones.Add(phone),
            Attributes = profile.Attributes.SetItem(ProfileAttributes.FirstName, new StampedValue("Ana", since, "test")),
            EmailConsent = new ConsentState(ConsentStatus.Granted, "test", since, null),
            SmsConsent = new ConsentState(ConsentStatus.Granted, "test", since, null),
        });
        return (contactId, email, phone);
    }

    /// <summary>Starts the journey for the contact over HTTP and waits for the instance to end; its view.</summary>
    public async Task<JsonElement> RunAsync(string journeyId, string contactId, string? requestKey = null)
    {
        using var started = await Host.Client.PostAsJsonAsync($"api/journeys/{journeyId}/start", new { contact_id = contactId, request_key = requestKey ?? Guid.NewGuid().ToString("N") });
        Assert.True(started.IsSuccessStatusCode, $"start answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()} {string.Join(" || ", TestLogSink.Entries.TakeLast(8).Select(e => e.Category + ": " + e.Message))}");
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString()!;
        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                view = await ViewAsync(instanceId);
                return view.GetProperty("runtime_status").GetString() == "completed";
            },
            TimeSpan.FromSeconds(45),
            $"instance {instanceId} of {journeyId} completed");
        return view;
    }

    public async Task<JsonElement> ViewAsync(string instanceId) =>
        await Host.Client.GetFromJsonAsync<JsonElement>($"api/journeys/instances/{instanceId}");

    public async Task<ContactProfile> ProfileAsync(string contactId) => (await Ingestion.Profiles.GetAsync(contactId))!;

    /// <summary>Posts a Shopify webhook of <paramref name="shop"/>, signed with the test secret.</summary>
    public Task<HttpResponseMessage> PostShopifyAsync(string topic, string json, string shop)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", shop);
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body)));
        return Host.Client.SendAsync(request);
    }

    /// <summary>Posts SendGrid events signed now with the webhook key.</summary>
    public Task<HttpResponseMessage> PostSendGridEventsAsync(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WebhookKey.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/sendgrid") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SendGridSignatureVerifier.SignatureHeaderName, Convert.ToBase64String(signature));
        request.Headers.Add(SendGridSignatureVerifier.TimestampHeaderName, timestamp);
        return Host.Client.SendAsync(request);
    }

    /// <summary>Posts a Twilio status callback to <paramref name="pathAndQuery"/>, signed for the public URL.</summary>
    public Task<HttpResponseMessage> PostTwilioStatusAsync(string pathAndQuery, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery.TrimStart('/')) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignatureVerifier.HeaderName, new TwilioSignatureVerifier(AuthToken).Sign(PublicBase + "/" + pathAndQuery.TrimStart('/'), form));
        return Host.Client.SendAsync(request);
    }

    public static string OneSend(string journeyId, string type, string template, string channel) => $$"""
        {
          "id": "{{journeyId}}", "name": "{{journeyId}}", "version": 1,
          "entry": { "kind": "api" }, "re_entry": { "mode": "always" }, "start": "send",
          "nodes": [
            { "type": "{{type}}", "id": "send", "template": "{{template}}", "channel": {{channel}}, "next": "done" },
            { "type": "exit", "id": "done", "reason": "sent" }
          ]
        }
        """;
}
