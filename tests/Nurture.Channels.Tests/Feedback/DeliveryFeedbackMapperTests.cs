using System.Text.Json.Nodes;
using Nurture.Channels.Feedback;
using Nurture.Channels.Ingestion.SendGrid;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Channels.Sending;
using Nurture.Channels.Sending.Twilio;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Tests.Feedback;

public sealed class DeliveryFeedbackMapperTests
{
    private const FeedbackEffects None = FeedbackEffects.None;
    private const FeedbackEffects Consent = FeedbackEffects.WithdrawConsent;
    private const FeedbackEffects Suppress = FeedbackEffects.Suppress;
    private const FeedbackEffects Engagement = FeedbackEffects.Engagement;

    [Theory]
    [InlineData("""{"event":"processed"}""", DeliveryStatus.Processed, None, RecipientImpact.None)]
    [InlineData("""{"event":"delivered","response":"250 OK"}""", DeliveryStatus.Delivered, None, RecipientImpact.None)]
    [InlineData("""{"event":"deferred","response":"421 try later","attempt":"2"}""", DeliveryStatus.Deferred, None, RecipientImpact.None)]
    [InlineData("""{"event":"bounce","type":"bounce","status":"5.1.1","reason":"550 5.1.1 <ada@example.com>: user unknown"}""", DeliveryStatus.HardBounced, Suppress, RecipientImpact.EmailUnusable)]
    [InlineData("""{"event":"bounce","type":"blocked","status":"4.7.1","reason":"421 rate limited"}""", DeliveryStatus.SoftBounced, None, RecipientImpact.None)]
    [InlineData("""{"event":"bounce","status":"5.0.0"}""", DeliveryStatus.HardBounced, Suppress, RecipientImpact.EmailUnusable)]
    [InlineData("""{"event":"bounce","status":"4.2.2"}""", DeliveryStatus.SoftBounced, None, RecipientImpact.None)]
    [InlineData("""{"event":"dropped","reason":"Bounced Address"}""", DeliveryStatus.Dropped, Suppress, RecipientImpact.EmailUnusable)]
    [InlineData("""{"event":"dropped","reason":"Invalid"}""", DeliveryStatus.Dropped, Suppress, RecipientImpact.EmailUnusable)]
    [InlineData("""{"event":"dropped","reason":"Unsubscribed Address"}""", DeliveryStatus.Dropped, Consent, RecipientImpact.None)]
    [InlineData("""{"event":"dropped","reason":"Spam Reporting Address"}""", DeliveryStatus.Dropped, Consent | Suppress, RecipientImpact.None)]
    [InlineData("""{"event":"dropped","reason":"Invalid SMTPAPI header"}""", DeliveryStatus.Dropped, None, RecipientImpact.None)]
    [InlineData("""{"event":"spamreport"}""", DeliveryStatus.SpamReported, Consent | Suppress, RecipientImpact.None)]
    [InlineData("""{"event":"unsubscribe"}""", DeliveryStatus.Unsubscribed, Consent, RecipientImpact.None)]
    [InlineData("""{"event":"group_unsubscribe","asm_group_id":42}""", DeliveryStatus.GroupUnsubscribed, Consent, RecipientImpact.None)]
    [InlineData("""{"event":"group_resubscribe","asm_group_id":42}""", DeliveryStatus.GroupResubscribed, None, RecipientImpact.None)]
    [InlineData("""{"event":"open","sg_machine_open":false}""", DeliveryStatus.Opened, Engagement, RecipientImpact.None)]
    [InlineData("""{"event":"open","sg_machine_open":true}""", DeliveryStatus.Opened, None, RecipientImpact.None)]
    [InlineData("""{"event":"click","url":"https://shop.example/p/1"}""", DeliveryStatus.Clicked, Engagement, RecipientImpact.None)]
    public void SendGrid_EventsMapToStatusAndWhatTheyImply(string eventJson, DeliveryStatus status, FeedbackEffects effects, RecipientImpact recipient)
    {
        var feedback = FromSendGrid(eventJson);

        Assert.Equal((MessageChannel.Email, status, effects, recipient), (feedback.Channel, feedback.Status, feedback.Effects, feedback.Recipient));
        Assert.Equal("m-42", feedback.MessageId);
        Assert.Equal("sg-1.filter", feedback.ProviderMessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_741_608_000), feedback.At);
    }

    [Fact]
    public void SendGrid_KeepsMachineOpensApartAndDropsAddressesFromReasons()
    {
        var machine = FromSendGrid("""{"event":"open","sg_machine_open":true}""");
        var bounce = FromSendGrid("""{"event":"bounce","type":"bounce","status":"5.1.1","reason":"550 5.1.1 <ada@example.com>: user unknown"}""");
        var click = FromSendGrid("""{"event":"click","url":"https://shop.example/p/1"}""");
        var group = FromSendGrid("""{"event":"group_unsubscribe","asm_group_id":42}""");

        Assert.True(machine.MachineOpen);
        Assert.False(machine.Implies(FeedbackEffects.Engagement));
        Assert.Equal("5.1.1", bounce.ErrorCode);
        Assert.Equal("550 5.1.1 <[address]>: user unknown", bounce.Reason);
        Assert.Equal("https://shop.example/p/1", click.Url);
        Assert.Equal("42", group.AsmGroupId);
    }

    [Theory]
    [InlineData("queued", null, DeliveryStatus.Queued, None, RecipientImpact.None)]
    [InlineData("sent", null, DeliveryStatus.Sent, None, RecipientImpact.None)]
    [InlineData("delivered", null, DeliveryStatus.Delivered, None, RecipientImpact.None)]
    [InlineData("undelivered", "30003", DeliveryStatus.Undelivered, None, RecipientImpact.None)]
    [InlineData("undelivered", "21610", DeliveryStatus.Undelivered, Consent, RecipientImpact.SmsConsentWithdrawn)]
    [InlineData("failed", "21211", DeliveryStatus.Failed, Suppress, RecipientImpact.PhoneUnusable)]
    [InlineData("failed", "21614", DeliveryStatus.Failed, Suppress, RecipientImpact.PhoneUnusable)]
    [InlineData("undelivered", "30005", DeliveryStatus.Undelivered, Suppress, RecipientImpact.PhoneUnusable)]
    [InlineData("undelivered", "30006", DeliveryStatus.Undelivered, Suppress, RecipientImpact.PhoneUnusable)]
    [InlineData("failed", "30007", DeliveryStatus.Failed, None, RecipientImpact.None)]
    public void Twilio_StatusCallbacksMapToStatusAndWhatTheyImply(string messageStatus, string? errorCode, DeliveryStatus status, FeedbackEffects effects, RecipientImpact recipient)
    {
        var form = "MessageSid=SM0001&MessageStatus=" + messageStatus + "&To=%2B16135550135" + (errorCode is null ? string.Empty : "&ErrorCode=" + errorCode);
        var canonical = Outcomes.Single(new TwilioMapper().Map(Fixture.Delivery(TwilioMapper.StatusTopic, form, (TwilioStatusCallback.MessageIdHeader, "s-9"))));

        var feedback = DeliveryFeedbackMapper.From(canonical)!;

        Assert.Equal((MessageChannel.Sms, status, effects, recipient, errorCode), (feedback.Channel, feedback.Status, feedback.Effects, feedback.Recipient, feedback.ErrorCode));
        Assert.Equal(("s-9", "SM0001"), (feedback.MessageId, feedback.ProviderMessageId));
    }

    [Fact]
    public void From_AnEventThatIsNotDeliveryFeedback_IsNull()
    {
        var inbound = Outcomes.Single(new TwilioMapper().Map(Fixture.FromFile(TwilioMapper.InboundTopic, "Twilio/inbound-message.txt")));

        Assert.Null(DeliveryFeedbackMapper.From(inbound));
    }

    [Fact]
    public void Mappers_PutOurMessageIdOnTheCanonicalEvents()
    {
        var sendGrid = Outcomes.Mapped(new SendGridMapper().Map(Fixture.FromFile("events", "SendGrid/events.json"))).Events;
        var twilio = Outcomes.Single(new TwilioMapper().Map(Fixture.FromFile(TwilioMapper.StatusTopic, "Twilio/status-delivered.txt", (TwilioStatusCallback.MessageIdHeader, "s-1"))));

        Assert.All(sendGrid, e => Assert.Equal("msg_01HQ7", e.Properties.GetProperty(EventProperties.MessageId).GetString()));
        Assert.Equal("s-1", twilio.Properties.GetProperty(EventProperties.MessageId).GetString());
        Assert.True(twilio.Properties.TryGetProperty(EventProperties.ProviderMessageId, out _));
    }

    private static DeliveryFeedback FromSendGrid(string eventJson)
    {
        var element = JsonNode.Parse(eventJson)!.AsObject();
        element["email"] = "ada@example.com";
        element["timestamp"] = 1_741_608_000;
        element["sg_event_id"] = "ev-" + element["event"];
        element["sg_message_id"] = "sg-1.filter";
        element["nurture_message_id"] = "m-42";
        var canonical = Outcomes.Single(new SendGridMapper().Map(Fixture.Delivery("events", new JsonArray(element).ToJsonString())));
        return DeliveryFeedbackMapper.From(canonical)!;
    }
}
