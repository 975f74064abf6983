using System.Text.Json.Nodes;
using Nurture.Channels.Sending;
using Nurture.Channels.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Nurture.Channels.Tests.Sending.Twilio;

public sealed class TwilioAcceptanceTests : IDisposable
{
    private const string MessagesPath = "/2010-04-01/Accounts/" + ChannelServices.AccountSid + "/Messages.json";
    private const string SentBody = "Your cart misses you\nReply STOP to opt out";
    private static readonly DateTimeOffset Attempt = DateTimeOffset.UtcNow.AddMinutes(-5);
    private readonly ProviderFake _fake = ProviderFake.Start();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task Check_FindsTheOutboundMessageWithTheSameBodySinceTheAttempt()
    {
        List(
            TwilioJson.MessageNode("SM-other", "Something else", Attempt.AddMinutes(1)),
            TwilioJson.MessageNode("SM-ours", SentBody, Attempt.AddSeconds(2)),
            TwilioJson.MessageNode("SM-old", SentBody, Attempt.AddDays(-3)));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var check = await ChannelServices.Twilio(services).CheckAcceptedAsync(Messages.Sms(), Attempt);

        Assert.Equal(AcceptanceAnswer.Accepted, check.Answer);
        Assert.Equal("SM-ours", check.Result!.ProviderMessageId);
        var request = Assert.Single(_fake.Requests).RequestMessage;
        Assert.Equal("GET", request.Method);
        Assert.Equal("+16135550135", request.Query!["To"].Single());
        Assert.Equal("50", request.Query["PageSize"].Single());
    }

    [Fact]
    public async Task Check_WithNoOutboundMessageSinceTheAttempt_IsNotAccepted()
    {
        List(
            TwilioJson.MessageNode("SM-old", SentBody, Attempt.AddDays(-1)),
            TwilioJson.MessageNode("SM-in", SentBody, Attempt.AddMinutes(1), direction: "inbound"));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var check = await ChannelServices.Twilio(services).CheckAcceptedAsync(Messages.Sms(), Attempt);

        Assert.Equal(AcceptanceAnswer.NotAccepted, check.Answer);
    }

    [Fact]
    public async Task Check_WithRecentMessagesOfAnotherBody_CannotTell()
    {
        List(TwilioJson.MessageNode("SM-changed", "Your cart misses you\nReply STOP to unsubscribe", Attempt.AddMinutes(1)));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);

        var check = await ChannelServices.Twilio(services).CheckAcceptedAsync(Messages.Sms(), Attempt);

        Assert.Equal(AcceptanceAnswer.Unknown, check.Answer);
    }

    [Fact]
    public async Task Check_WhenTwilioRefusesTheList_CannotTell()
    {
        _fake.Server.Given(Request.Create().WithPath(MessagesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(TwilioJson.Error(20003, 401, "Authenticate")));
        using var services = ChannelServices.Build(ChannelServices.Settings(), _fake.Url);
        var channel = ChannelServices.Twilio(services);

        var check = await channel.CheckAcceptedAsync(Messages.Sms(), Attempt);

        Assert.Equal(AcceptanceAnswer.Unknown, check.Answer);
        Assert.Null(await ((IMessageChannel)channel).FindAcceptedAsync("s-1"));
    }

    private void List(params JsonObject[] messages) =>
        _fake.Server.Given(Request.Create().WithPath(MessagesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(TwilioJson.List(messages)));
}
