using System.Text.Json;
using System.Web;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Profiles;

namespace Nurture.Functions.Tests.Delivery;

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliveryHostFixture>
{
    public const string Name = "delivery";
}

/// <summary>Journeys sending through the SendGrid and Twilio SDKs to loopback fakes, with the settings that choose them.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class ChannelSendingTests(DeliveryHostFixture app)
{
    [Fact]
    public async Task EmailJourney_SendsThroughSendGrid_WithOurMessageIdSandboxAndOneClickHeaders()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        app.SendGrid.Answer = _ => new ProviderAnswer(200);

        var view = await app.RunAsync("delivery-email-journey", contactId);

        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        var messageId = send.GetProperty("message_id").GetString()!;
        Assert.Equal("sent", send.GetProperty("status").GetString());
        var request = Assert.Single(app.SendGrid.Received, r => r.Body.Contains(email, StringComparison.Ordinal));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer " + DeliveryHostFixture.SendGridKey, request.Headers["Authorization"]);
        using var body = JsonDocument.Parse(request.Body);
        var personalization = body.RootElement.GetProperty("personalizations")[0];
        Assert.Equal(email, personalization.GetProperty("to")[0].GetProperty("email").GetString());
        var subject = body.RootElement.TryGetProperty("subject", out var top) ? top : personalization.GetProperty("subject");
        Assert.Equal("Ana, you left something", subject.GetString());
        Assert.Equal(messageId, CustomArg(body.RootElement, "nurture_message_id"));
        Assert.True(body.RootElement.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
        var headers = Headers(body.RootElement);
        Assert.StartsWith("<" + DeliveryHostFixture.PublicBase + "/api/unsubscribe?token=", headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task SendGridRejectingTheAddress_IsRecordedWithItsCodeOnTheSendAndTimeline_AndTheAddressIsUnusable()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        app.SendGrid.Answer = r => r.Body.Contains(email, StringComparison.Ordinal)
            ? new ProviderAnswer(400, """{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":null}]}""")
            : new ProviderAnswer(200);

        var view = await app.RunAsync("delivery-email-journey", contactId);

        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        Assert.Equal("failed", send.GetProperty("status").GetString());
        var detail = send.GetProperty("detail").GetString()!;
        Assert.Contains("http_400 (recipient)", detail, StringComparison.Ordinal);
        Assert.Contains("Does not contain a valid address", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(email, detail, StringComparison.Ordinal);
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("http_400", StringComparison.Ordinal));
        Assert.True((await app.ProfileAsync(contactId)).Tags.ContainsKey(ProfileReducer.EmailBouncedTag));
        Assert.Single(app.SendGrid.Received, r => r.Body.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASendGridOutage_MakesTheJourneyWaitAndSendLater_NeverSkip()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        var refused = 0;
        app.SendGrid.Answer = r =>
        {
            if (!r.Body.Contains(email, StringComparison.Ordinal))
            {
                return new ProviderAnswer(200);
            }

            // Down for the channel's own retries and the journey's first durable retry, then back.
            return Interlocked.Increment(ref refused) <= 6
                ? new ProviderAnswer(503, """{"errors":[{"message":"Service Unavailable"}]}""")
                : new ProviderAnswer(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "pm-after-outage" });
        };

        var view = await app.RunAsync("delivery-email-journey", contactId);

        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        Assert.Equal("sent", send.GetProperty("status").GetString());
        Assert.Equal("pm-after-outage", send.GetProperty("provider_message_id").GetString());
        Assert.Equal(7, app.SendGrid.Received.Count(r => r.Body.Contains(email, StringComparison.Ordinal)));
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "sent");
    }

    [Fact]
    public async Task SmsJourney_SendsThroughTwilio_WithTheServiceSidAndOurStatusCallback()
    {
        var (contactId, _, phone) = await app.SeedShopperAsync();
        app.Twilio.Answer = r => Sent(r);

        var view = await app.RunAsync("delivery-sms-journey", contactId);

        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        var messageId = send.GetProperty("message_id").GetString()!;
        Assert.Equal("sent", send.GetProperty("status").GetString());
        Assert.StartsWith("SM", send.GetProperty("provider_message_id").GetString(), StringComparison.Ordinal);
        var request = Assert.Single(app.Twilio.Received, r => Form(r).Get("To") == phone);
        Assert.Equal($"/2010-04-01/Accounts/{DeliveryHostFixture.AccountSid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(DeliveryHostFixture.AccountSid + ":" + DeliveryHostFixture.AuthToken)), request.Headers["Authorization"]);
        var form = Form(request);
        Assert.Equal(DeliveryHostFixture.ServiceSid, form.Get("MessagingServiceSid"));
        Assert.Equal("Ana: your cart is still there.\nReply STOP to opt out", form.Get("Body"));
        Assert.Equal(DeliveryHostFixture.PublicBase + "/api/webhooks/twilio/status?nurture_message_id=" + messageId, form.Get("StatusCallback"));
    }

    [Fact]
    public async Task Twilio21610_FailsTheSendWithItsCode_AndTurnsSmsConsentOffWithItsSource()
    {
        var (contactId, _, phone) = await app.SeedShopperAsync();
        app.Twilio.Answer = r => Form(r).Get("To") == phone ? TwilioError(21610, "Attempt to send to unsubscribed recipient") : Sent(r);

        var view = await app.RunAsync("delivery-sms-journey", contactId);

        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        Assert.Equal("failed", send.GetProperty("status").GetString());
        Assert.StartsWith("21610 (recipient)", send.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var consent = (await app.ProfileAsync(contactId)).SmsConsent;
        Assert.Equal(ConsentStatus.Denied, consent.Status);
        Assert.Equal("twilio:21610", consent.Source);
        Assert.Equal(ConsentStatus.Granted, (await app.ProfileAsync(contactId)).EmailConsent.Status);
    }

    [Theory]
    [InlineData(21211)]
    [InlineData(21614)]
    public async Task TwilioRefusingTheNumber_MarksThePhoneUnusable_AndConsentStays(int code)
    {
        var (contactId, _, phone) = await app.SeedShopperAsync();
        app.Twilio.Answer = r => Form(r).Get("To") == phone ? TwilioError(code, "The 'To' number is not a valid phone number.") : Sent(r);

        var view = await app.RunAsync("delivery-sms-journey", contactId);

        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        Assert.StartsWith(code + " (recipient)", send.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var profile = await app.ProfileAsync(contactId);
        Assert.True(profile.Tags.ContainsKey(ProfileReducer.PhoneUnusableTag));
        Assert.Equal(ConsentStatus.Granted, profile.SmsConsent.Status);
        Assert.True(ProfileProjection.ToJourneyContact(profile, DateTimeOffset.UtcNow, new ProfileOptions()).IsSuppressed(Core.Journeys.Model.MessageChannel.Sms));
    }

    internal static ProviderAnswer Sent(ReceivedRequest request) => new(201, JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["sid"] = "SM" + Guid.NewGuid().ToString("N"),
        ["status"] = "accepted",
        ["to"] = Form(request).Get("To"),
        ["messaging_service_sid"] = DeliveryHostFixture.ServiceSid,
        ["num_segments"] = "1",
        ["date_created"] = DateTimeOffset.UtcNow.ToString("R"),
    }));

    internal static System.Collections.Specialized.NameValueCollection Form(ReceivedRequest request) => HttpUtility.ParseQueryString(request.Body);

    private static ProviderAnswer TwilioError(int code, string message) =>
        new(400, JsonSerializer.Serialize(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status = 400 }));

    private static string? CustomArg(JsonElement mail, string name) =>
        mail.TryGetProperty("custom_args", out var top) && top.TryGetProperty(name, out var value) ? value.GetString()
        : mail.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty(name).GetString();

    private static Dictionary<string, string> Headers(JsonElement mail)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { mail, mail.GetProperty("personalizations")[0] })
        {
            if (source.TryGetProperty("headers", out var headers))
            {
                foreach (var header in headers.EnumerateObject())
                {
                    found[header.Name] = header.Value.GetString()!;
                }
            }
        }

        return found;
    }
}
