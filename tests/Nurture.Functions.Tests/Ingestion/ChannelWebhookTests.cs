using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nurture.Channels.Webhooks;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Twilio, SendGrid, WooCommerce and the track API, through the real host.</summary>
[Collection(IngestionCollection.Name)]
public sealed class ChannelWebhookTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task TwilioInboundStop_RevokesSmsConsent_AndAnswersTwiml()
    {
        var shopper = Shopper.Unique();
        await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 9001));
        await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["From"] = shopper.Phone,
            ["To"] = "+15005550006",
            ["Body"] = "Stop",
        };

        using var response = await PostTwilioAsync("api/webhooks/twilio/inbound", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Response", await response.Content.ReadAsStringAsync());
        await ContactsApi.WaitForAsync(
            fixture,
            shopper.Phone,
            c => c.GetProperty("profile").GetProperty("sms_consent").GetProperty("status").GetString() == "denied",
            "SMS consent to be revoked");
    }

    [Fact]
    public async Task TwilioHelp_IsAnsweredWithTheHelpText()
    {
        using var response = await PostTwilioAsync("api/webhooks/twilio/inbound", new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["From"] = Shopper.Unique().Phone,
            ["To"] = "+15005550006",
            ["Body"] = "help",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Reply STOP", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwilioPost_SignedForAnotherUrl_IsRefused()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "delivered" };
        var content = new FormUrlEncodedContent(form);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/twilio/status") { Content = content };
        request.Headers.Add(TwilioSignatureVerifier.HeaderName, new TwilioSignatureVerifier(IngestionHostFixture.TwilioToken).Sign("https://elsewhere.example.com/api/webhooks/twilio/status", form));

        using var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SendGridEvents_SignedNow_AreAccepted_AndStaleOnesRefused()
    {
        var body = JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object> { ["email"] = Shopper.Unique().Email, ["event"] = "open", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["sg_event_id"] = Guid.NewGuid().ToString("N"), ["sg_message_id"] = "m1", ["sg_machine_open"] = false },
        });

        using var fresh = await PostSendGridAsync(body, DateTimeOffset.UtcNow);
        using var stale = await PostSendGridAsync(body, DateTimeOffset.UtcNow.AddHours(-2));

        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("too old", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TrackApi_NeedsAKey_AndFeedsTheProfile()
    {
        var shopper = Shopper.Unique();
        var body = JsonSerializer.Serialize(new[]
        {
            new { type = "product_viewed", contact = new { email = shopper.Email }, occurredAt = DateTimeOffset.UtcNow, properties = new { productId = "p1" }, idempotencyKey = Guid.NewGuid().ToString() },
            new { type = "added_to_cart", contact = new { email = shopper.Email }, occurredAt = DateTimeOffset.UtcNow, properties = new { productId = "p1" }, idempotencyKey = Guid.NewGuid().ToString() },
        });

        using var anonymous = await fixture.Host.Client.PostAsync("api/events", new StringContent(body, Encoding.UTF8, "application/json"));
        using var keyed = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, keyed.StatusCode);
        await ContactsApi.WaitForAsync(fixture, shopper.Email, c => c.GetProperty("timeline").GetArrayLength() == 2, "both tracked events");
    }

    [Fact]
    public async Task TrackApi_WithAnInvalidEvent_RefusesTheBatchNamingTheField()
    {
        var body = """[{"type":"product_viewed","contact":{},"occurredAt":"not a date","idempotencyKey":"k"}]""";
        using var response = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task WooCommercePing_IsAnsweredWithoutASignature()
    {
        var content = new StringContent("webhook_id=12", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await fixture.Host.Client.PostAsync("api/webhooks/woocommerce", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostTwilioAsync(string path, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        var signer = new TwilioSignatureVerifier(IngestionHostFixture.TwilioToken);
        request.Headers.Add(TwilioSignatureVerifier.HeaderName, signer.Sign(IngestionHostFixture.PublicBase + "/" + path, form));
        return fixture.Host.Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostSendGridAsync(string body, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = fixture.SendGridKey.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/sendgrid") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SendGridSignatureVerifier.SignatureHeaderName, Convert.ToBase64String(signature));
        request.Headers.Add(SendGridSignatureVerifier.TimestampHeaderName, timestamp);
        return fixture.Host.Client.SendAsync(request);
    }
}
