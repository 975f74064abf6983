using Nurture.Channels.Ingestion;
using Nurture.Channels.Ingestion.SendGrid;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Core.Events;

namespace Nurture.Channels.Tests.Ingestion;

public sealed class ChannelMapperTests
{
    [Fact]
    public void SendGrid_MapsEveryEventInTheBatch_DedupedOnSgEventId()
    {
        var mapped = Outcomes.Mapped(new SendGridMapper().Map(Fixture.FromFile("events", "SendGrid/events.json")));

        Assert.Empty(mapped.Rejected);
        Assert.Equal(
            [EventTypes.EmailProcessed, EventTypes.EmailDelivered, EventTypes.EmailOpened, EventTypes.EmailOpened, EventTypes.EmailClicked, EventTypes.EmailBounced,
             EventTypes.EmailSpamReported, EventTypes.EmailUnsubscribed, EventTypes.EmailGroupUnsubscribed, EventTypes.EmailGroupResubscribed, EventTypes.EmailDeferred, EventTypes.EmailDropped],
            mapped.Events.Select(e => e.Type));
        Assert.Equal("cHJvY2Vzc2VkLTE", mapped.Events[0].IdempotencyKey);
        Assert.All(mapped.Events, e => Assert.Equal("bob.norman@example.com", e.Contact.Email));
        Assert.Equal(mapped.Events.Count, mapped.Events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void SendGrid_KeepsMachineOpensCustomArgsAndDetails()
    {
        var events = Outcomes.Mapped(new SendGridMapper().Map(Fixture.FromFile("events", "SendGrid/events.json"))).Events;

        Assert.True(events[2].Properties.GetProperty(EventProperties.MachineOpen).GetBoolean());
        Assert.False(events[3].Properties.GetProperty(EventProperties.MachineOpen).GetBoolean());
        var args = events[4].Properties.GetProperty(EventProperties.CustomArgs);
        Assert.Equal("msg_01HQ7", args.GetProperty("nurture_message_id").GetString());
        Assert.Equal("welcome", args.GetProperty("journey").GetString());
        Assert.False(args.TryGetProperty("email", out _));
        Assert.Equal("https://example-shop.com/products/ipod-nano?utm_source=nurture", Outcomes.Text(events[4], EventProperties.Url));
        Assert.Equal("bounce", Outcomes.Text(events[5], EventProperties.BounceType));
        Assert.Equal("42", Outcomes.Text(events[8], EventProperties.AsmGroupId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1741612060), events[4].OccurredAt);
    }

    [Fact]
    public void SendGrid_LeavesOutBadElements_AndSaysWhy()
    {
        const string Body = "[{\"event\":\"click\",\"sg_event_id\":\"a\",\"timestamp\":1741612060,\"email\":\"x@example.com\"},"
            + "{\"event\":\"click\",\"timestamp\":1741612060},{\"event\":\"teleported\",\"sg_event_id\":\"c\",\"timestamp\":1},\"str\"]";

        var mapped = Outcomes.Mapped(new SendGridMapper().Map(Fixture.Delivery("events", Body)));

        Assert.Single(mapped.Events);
        Assert.Contains(mapped.Rejected, e => e.Field == "[1].sg_event_id");
        Assert.Contains(mapped.Rejected, e => e.Field == "[2].event");
        Assert.Contains(mapped.Rejected, e => e.Field == "[3]");
    }

    [Theory]
    [InlineData("{\"event\":\"open\"}")]
    [InlineData("[{]")]
    public void SendGrid_NonArrayOrMalformedBody_IsInvalid(string body)
    {
        Assert.Contains(Outcomes.Invalid(new SendGridMapper().Map(Fixture.Delivery("events", body))).Errors, e => e.Field == "body");
    }

    [Fact]
    public void Twilio_StatusCallback_IsKeyedBySidAndStatus()
    {
        var mapper = new TwilioMapper();

        var delivered = Outcomes.Single(mapper.Map(Fixture.FromFile(TwilioMapper.StatusTopic, "Twilio/status-delivered.txt")));
        var failed = Outcomes.Single(mapper.Map(Fixture.FromFile(TwilioMapper.StatusTopic, "Twilio/status-undelivered-21610.txt")));

        Assert.Equal(EventTypes.SmsStatusChanged, delivered.Type);
        Assert.Equal("SM0123456789abcdef0123456789abcdef:delivered", delivered.IdempotencyKey);
        Assert.Equal("+16135550135", delivered.Contact.Phone);
        Assert.Equal("delivered", Outcomes.Text(delivered, EventProperties.MessageStatus));
        Assert.Equal("21610", Outcomes.Text(failed, EventProperties.ErrorCode));
        Assert.Equal(Fixture.ReceivedAt, failed.OccurredAt);
    }

    [Fact]
    public void Twilio_InboundStop_IsAnSmsOptOutWithProof()
    {
        var evt = Outcomes.Single(new TwilioMapper().Map(Fixture.FromFile(TwilioMapper.InboundTopic, "Twilio/inbound-stop.txt")));

        Assert.Equal(EventTypes.ConsentChanged, evt.Type);
        Assert.Equal("sms", Outcomes.Text(evt, EventProperties.Channel));
        Assert.Equal("unsubscribed", Outcomes.Text(evt, EventProperties.ConsentStatus));
        Assert.Equal("inbound SM2123456789abcdef0123456789abcdef: STOP", Outcomes.Text(evt, EventProperties.Proof));
        Assert.Equal("+16135550135", evt.Contact.Phone);
    }

    [Fact]
    public void Twilio_InboundMessage_IsReceivedWithItsBody()
    {
        var evt = Outcomes.Single(new TwilioMapper().Map(Fixture.FromFile(TwilioMapper.InboundTopic, "Twilio/inbound-message.txt")));

        Assert.Equal(EventTypes.SmsReceived, evt.Type);
        Assert.Equal("Is the red one back in stock? 😊", Outcomes.Text(evt, EventProperties.Body));
    }

    [Fact]
    public void Twilio_MissingSidOrStatus_IsInvalidNamingTheField()
    {
        var outcome = new TwilioMapper().Map(Fixture.Delivery(TwilioMapper.StatusTopic, "To=%2B1613"));

        var errors = Outcomes.Invalid(outcome).Errors;
        Assert.Contains(errors, e => e.Field == "MessageSid");
        Assert.Contains(errors, e => e.Field == "MessageStatus");
    }

    [Theory]
    [InlineData("STOP", SmsKeyword.OptOut)]
    [InlineData("stop", SmsKeyword.OptOut)]
    [InlineData("  Stop.  ", SmsKeyword.OptOut)]
    [InlineData("STOPALL", SmsKeyword.OptOut)]
    [InlineData("unsubscribe", SmsKeyword.OptOut)]
    [InlineData("Cancel", SmsKeyword.OptOut)]
    [InlineData("END", SmsKeyword.OptOut)]
    [InlineData("quit!", SmsKeyword.OptOut)]
    [InlineData("START", SmsKeyword.OptIn)]
    [InlineData("yes", SmsKeyword.OptIn)]
    [InlineData("Unstop", SmsKeyword.OptIn)]
    [InlineData("HELP", SmsKeyword.Help)]
    [InlineData("info", SmsKeyword.Help)]
    [InlineData("stop sending me offers", SmsKeyword.None)]
    [InlineData("STOP STOP", SmsKeyword.None)]
    [InlineData("stopp", SmsKeyword.None)]
    [InlineData("", SmsKeyword.None)]
    [InlineData(null, SmsKeyword.None)]
    public void SmsKeywords_ClassifySingleWordsCaseInsensitively(string? body, SmsKeyword expected)
    {
        Assert.Equal(expected, SmsKeywords.Classify(body));
    }

    [Fact]
    public void TwimlReply_EscapesTheMessage_AndAnswersEmptyWhenThereIsNothingToSay()
    {
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Reply STOP &amp; &lt;go&gt;</Message></Response>", TwimlReply.Build("Reply STOP & <go>"));
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response />", TwimlReply.Build(null));
    }
}
