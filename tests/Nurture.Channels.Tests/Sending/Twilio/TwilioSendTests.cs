using System.Text;
using Nurture.Channels.Sending;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Channels.Webhooks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Nurture.Channels.Tests.Sending.Twilio;

public sealed class TwilioSendTests : IDisposable
{
    private const string MessagesPath = "/2010-04-01/Accounts/" + ChannelServices.AccountSid + "/Messages.json";
    private readonly ProviderFake _fake = ProviderFake.Start();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task Send_PostsTheFormWithBasicAuthServiceSidCallbackAndOptOutLine()
    {
        Create().RespondWith(Response.Create().WithStatusCode(201).WithBody(TwilioJson.Message("SM0001", "x", DateTimeOffset.UtcNow)));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms("s-1", "Your cart misses you"));

        Assert.Equal((ChannelSendStatus.Sent, "SM0001"), (result.Status, result.ProviderMessageId));
        Assert.Equal((1, SmsEncoding.Gsm7), (result.Segments, result.Encoding));
        var request = Assert.Single(_fake.Requests).RequestMessage;
        Assert.Equal("POST", request.Method);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(ChannelServices.AccountSid + ":" + ChannelServices.AuthToken));
        Assert.Equal("Basic " + basic, request.Headers!["Authorization"].Single());
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        var form = FormBody.Parse(Encoding.UTF8.GetBytes(request.Body!));
        Assert.Equal("+16135550135", FormBody.Get(form, "To"));
        Assert.Equal("Your cart misses you\nReply STOP to opt out", FormBody.Get(form, "Body"));
        Assert.Equal(ChannelServices.ServiceSid, FormBody.Get(form, "MessagingServiceSid"));
        Assert.Null(FormBody.Get(form, "From"));
        Assert.Equal(ChannelServices.PublicBase + "/api/webhooks/twilio/status?nurture_message_id=s-1", FormBody.Get(form, "StatusCallback"));
    }

    [Fact]
    public async Task Send_WithoutAMessagingService_SendsFromTheMessagesNumberAndLeavesTheBodyAloneWhenNotAsked()
    {
        Create().RespondWith(Response.Create().WithStatusCode(201).WithBody(TwilioJson.Message("SM0002", "x", DateTimeOffset.UtcNow, service: null)));
        using var services = ChannelServices.Build(ChannelServices.Settings(null, ("Channels:Twilio:MessagingServiceSid", null), ("Channels:Twilio:FromNumber", "+15005550009")), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms("s-2", "Grüße 😊", optOut: false));

        Assert.Equal((1, SmsEncoding.Ucs2), (result.Segments, result.Encoding));
        var form = FormBody.Parse(Encoding.UTF8.GetBytes(Assert.Single(_fake.Requests).RequestMessage.Body!));
        Assert.Equal("+15005550006", FormBody.Get(form, "From"));
        Assert.Null(FormBody.Get(form, "MessagingServiceSid"));
        Assert.Equal("Grüße 😊", FormBody.Get(form, "Body"));
    }

    [Fact]
    public async Task Send_CountsSegmentsAfterTheOptOutLineIsAppended()
    {
        Create().RespondWith(Response.Create().WithStatusCode(201).WithBody(TwilioJson.Message("SM0003", "x", DateTimeOffset.UtcNow)));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        // 150 characters fit one segment alone; with "\nReply STOP to opt out" (22 more) they need two.
        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms("s-3", new string('a', 150)));

        Assert.Equal(2, result.Segments);
    }

    [Theory]
    [InlineData(21610, RecipientImpact.SmsConsentWithdrawn)]
    [InlineData(21211, RecipientImpact.PhoneUnusable)]
    [InlineData(21614, RecipientImpact.PhoneUnusable)]
    public async Task Send_WhenTwilioRefusesTheRecipient_SaysWhatToChangeOnTheProfile(int code, RecipientImpact expected)
    {
        Create().RespondWith(Response.Create().WithStatusCode(400).WithBody(TwilioJson.Error(code, 400, "The 'To' number +16135550135 is not usable")));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms());

        Assert.Equal((ChannelSendStatus.PermanentFailure, ChannelFailureKind.Recipient, expected), (result.Status, result.Failure, result.Recipient));
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
        Assert.DoesNotContain("6135550135", result.Detail, StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Send_WhenTheSenderIsNotAllowed_IsAnAccountFailure()
    {
        Create().RespondWith(Response.Create().WithStatusCode(400).WithBody(TwilioJson.Error(21606, 400, "The From phone number is not a valid, SMS-capable inbound phone number")));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms());

        Assert.Equal((ChannelSendStatus.PermanentFailure, ChannelFailureKind.Account, "21606"), (result.Status, result.Failure, result.ErrorCode));
    }

    [Fact]
    public async Task Send_On429WithRetryAfter_WaitsThenSends()
    {
        Create().InScenario("limit").WillSetStateTo("waited").RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody(TwilioJson.Error(20429, 429, "Too Many Requests")));
        Create().InScenario("limit").WhenStateIs("waited").RespondWith(Response.Create().WithStatusCode(201).WithBody(TwilioJson.Message("SM0004", "x", DateTimeOffset.UtcNow)));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms());

        Assert.Equal((ChannelSendStatus.Sent, "SM0004"), (result.Status, result.ProviderMessageId));
        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Send_When5xxOutlastsTheRetries_IsTransient()
    {
        Create().RespondWith(Response.Create().WithStatusCode(500).WithBody(TwilioJson.Error(20500, 500, "Internal Server Error")));
        using var services = ChannelServices.Build(ChannelServices.Settings(null, ("Channels:Twilio:Retry:MaxRetries", "2")), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms());

        Assert.Equal((ChannelSendStatus.TransientFailure, ChannelFailureKind.Unavailable), (result.Status, result.Failure));
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact]
    public async Task Send_When5xxHasNoTwilioBody_IsStillTransient()
    {
        Create().RespondWith(Response.Create().WithStatusCode(502).WithBody("<html>bad gateway</html>"));
        using var services = ChannelServices.Build(ChannelServices.Settings(null, ("Channels:Twilio:Retry:MaxRetries", "1")), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms());

        Assert.Equal((ChannelSendStatus.TransientFailure, ChannelFailureKind.Unavailable, "http_502"), (result.Status, result.Failure, result.ErrorCode));
    }

    [Fact]
    public async Task Send_ABodyLongerThanTwilioTakes_IsRefusedWithoutCallingTwilio()
    {
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var result = await ChannelServices.Twilio(services).SendAsync(Messages.Sms(body: new string('a', 1600)));

        Assert.Equal((ChannelSendStatus.PermanentFailure, "nurture:body_too_long"), (result.Status, result.ErrorCode));
        Assert.Empty(_fake.Requests);
    }

    private WireMock.Server.IRespondWithAProvider Create() => _fake.Server.Given(Request.Create().WithPath(MessagesPath).UsingPost());
}
