using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Sending;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Channels.Unsubscribe;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Nurture.Channels.Tests.Sending.SendGrid;

public sealed class SendGridSendTests : IDisposable
{
    private readonly ProviderFake _fake = ProviderFake.Start();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task Send_PostsOneMailSendRequestWithEverythingTheWireFormatNeeds()
    {
        _fake.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-abc"));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email() with { Categories = ["vip"] });

        Assert.Equal(ChannelSendStatus.Sent, result.Status);
        Assert.Equal("sg-abc", result.ProviderMessageId);
        var request = Assert.Single(_fake.Requests).RequestMessage;
        Assert.Equal("Bearer " + ChannelServices.SendGridKey, request.Headers!["Authorization"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray());
        Assert.Equal("ada@example.com", Assert.Single(personalization.GetProperty("to").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal("Hello Ada", personalization.GetProperty("subject").GetString());
        Assert.Equal("shop@example.com", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Example Shop", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("care@example.com", root.GetProperty("reply_to").GetProperty("email").GetString());
        Assert.Equal(["text/plain", "text/html"], root.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        var args = root.GetProperty("custom_args");
        Assert.Equal("m-1", args.GetProperty("nurture_message_id").GetString());
        Assert.Equal("journey-a", args.GetProperty("journey").GetString());
        Assert.Equal("email-1", args.GetProperty("step").GetString());
        Assert.Equal(["welcome", "vip", "journey:journey-a", "step:email-1"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var headers = root.GetProperty("headers");
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
        var listUnsubscribe = headers.GetProperty("List-Unsubscribe").GetString()!;
        Assert.StartsWith("<" + ChannelServices.PublicBase + "/api/unsubscribe?token=", listUnsubscribe, StringComparison.Ordinal);
        Assert.False(root.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
        var tracking = root.GetProperty("tracking_settings");
        Assert.True(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.True(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("subscription_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task Send_PutsATokenForTheContactChannelAndShopInTheUnsubscribeLink()
    {
        _fake.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url, ("Channels:Unsubscribe:MailtoAddress", "unsubscribe@example.com")));

        await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        using var body = JsonDocument.Parse(Assert.Single(_fake.Requests).RequestMessage.Body!);
        var header = body.RootElement.GetProperty("headers").GetProperty("List-Unsubscribe").GetString()!;
        var parts = header.Split(", ");
        Assert.Equal(2, parts.Length);
        Assert.StartsWith("<mailto:unsubscribe@example.com?subject=unsubscribe%20", parts[1], StringComparison.Ordinal);
        var token = parts[0].Trim('<', '>').Split("token=")[1];
        var verified = services.GetRequiredService<UnsubscribeTokens>().Verify(token, DateTimeOffset.UtcNow);
        Assert.Equal(UnsubscribeTokenStatus.Valid, verified.Status);
        Assert.Equal(("contact-7", Core.Journeys.Model.MessageChannel.Email, "shop-1"), (verified.Token!.ContactId, verified.Token.Channel, verified.Token.ShopId));
    }

    [Fact]
    public async Task Send_WithADynamicTemplate_SendsItsIdAndDataInsteadOfOurContent()
    {
        _fake.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));
        var data = JsonDocument.Parse("""{"first_name":"Ada","items":[{"sku":"A1","qty":2}]}""").RootElement;

        await ChannelServices.SendGrid(services).SendAsync(Messages.Email() with { ProviderTemplateId = "d-1234", TemplateData = data });

        using var body = JsonDocument.Parse(Assert.Single(_fake.Requests).RequestMessage.Body!);
        Assert.Equal("d-1234", body.RootElement.GetProperty("template_id").GetString());
        Assert.False(body.RootElement.TryGetProperty("content", out _));
        var sent = body.RootElement.GetProperty("personalizations")[0].GetProperty("dynamic_template_data");
        Assert.Equal("Ada", sent.GetProperty("first_name").GetString());
        Assert.Equal(2, sent.GetProperty("items")[0].GetProperty("qty").GetInt32());
    }

    [Fact]
    public async Task Send_InSandboxMode_SaysSoAndTakesTheSandboxAnswerAsSent()
    {
        _fake.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url, ("Channels:SendGrid:SandboxMode", "true"), ("Channels:SendGrid:ClickTracking", "false")));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.Sent, result.Status);
        Assert.Null(result.ProviderMessageId);
        using var body = JsonDocument.Parse(Assert.Single(_fake.Requests).RequestMessage.Body!);
        Assert.True(body.RootElement.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
        Assert.False(body.RootElement.GetProperty("tracking_settings").GetProperty("click_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task Send_ATransactionalEmail_CarriesNoUnsubscribeHeaders()
    {
        _fake.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        await ChannelServices.SendGrid(services).SendAsync(Messages.Email(marketing: false));

        using var body = JsonDocument.Parse(Assert.Single(_fake.Requests).RequestMessage.Body!);
        Assert.False(body.RootElement.TryGetProperty("headers", out _));
    }

    [Fact]
    public async Task Send_MarketingWithoutAnUnsubscribeSecret_IsRefusedWithoutCallingSendGrid()
    {
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url, ("Channels:Email", "Outbox"), ("Channels:Unsubscribe:Secret", null)));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.PermanentFailure, result.Status);
        Assert.Equal("nurture:no_unsubscribe", result.ErrorCode);
        Assert.Empty(_fake.Requests);
    }
}
