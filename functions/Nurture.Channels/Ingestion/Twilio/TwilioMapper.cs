using Nurture.Channels.Sending.Twilio;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.Twilio;

/// <summary>
/// Maps Twilio's form-encoded posts: message status callbacks (topic <see cref="StatusTopic"/>, deduped on
/// MessageSid + MessageStatus) and inbound messages (topic <see cref="InboundTopic"/>, deduped on MessageSid).
/// An inbound STOP/START keyword becomes a <see cref="EventTypes.ConsentChanged"/> for SMS; any other inbound
/// message is <see cref="EventTypes.SmsReceived"/>.
/// </summary>
/// <remarks>
/// A status callback carries our message id in its URL (<see cref="TwilioStatusCallback.MessageIdParameter"/>); the
/// status webhook forwards it as the <see cref="TwilioStatusCallback.MessageIdHeader"/> delivery header, and it becomes
/// <see cref="EventProperties.MessageId"/> next to Twilio's <see cref="EventProperties.ProviderMessageId"/>.
/// </remarks>
public sealed class TwilioMapper : IPayloadMapper
{
    /// <summary>The topic the status-callback handler passes.</summary>
    public const string StatusTopic = "status";

    /// <summary>The topic the inbound-message handler passes.</summary>
    public const string InboundTopic = "inbound";

    /// <inheritdoc />
    public EventSource Source => EventSource.Twilio;

    /// <inheritdoc />
    public MappingOutcome Map(RawDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Topic is not (StatusTopic or InboundTopic))
        {
            return new IgnoredDelivery("unknown Twilio topic '" + FieldReader.Clean(delivery.Topic, 64) + "'");
        }

        var form = FormBody.Parse(delivery.Body.Span);
        var reader = new FieldReader();
        var sid = reader.CheckId(FormBody.Get(form, "MessageSid") ?? FormBody.Get(form, "SmsSid"), "MessageSid", required: true);
        return delivery.Topic == StatusTopic ? MapStatus(delivery, form, reader, sid) : MapInbound(delivery, form, reader, sid);
    }

    private static MappingOutcome MapStatus(RawDelivery delivery, IReadOnlyList<KeyValuePair<string, string>> form, FieldReader reader, string? sid)
    {
        var status = reader.CheckId(FormBody.Get(form, "MessageStatus") ?? FormBody.Get(form, "SmsStatus"), "MessageStatus", required: true);
        var errorCode = reader.CheckId(FormBody.Get(form, "ErrorCode"), "ErrorCode");
        var messageId = FieldReader.Clean(delivery.Header(TwilioStatusCallback.MessageIdHeader), 128);
        if (reader.HasErrors)
        {
            return new InvalidDelivery(reader.Errors);
        }

        var properties = new PropertyBag()
            .Put(EventProperties.MessageId, string.IsNullOrEmpty(messageId) ? null : messageId)
            .Put(EventProperties.ProviderMessageId, sid)
            .Put(EventProperties.MessageStatus, status!.ToLowerInvariant())
            .Put(EventProperties.ErrorCode, string.IsNullOrEmpty(errorCode) ? null : errorCode);
        var contact = EventFactory.Contact(null, null, FormBody.Get(form, "To"));
        return new MappedEvents(EventFactory.Create(EventSource.Twilio, EventTypes.SmsStatusChanged, sid + ":" + status.ToLowerInvariant(), delivery.ReceivedAt, contact, properties));
    }

    private static MappingOutcome MapInbound(RawDelivery delivery, IReadOnlyList<KeyValuePair<string, string>> form, FieldReader reader, string? sid)
    {
        var from = FormBody.Get(form, "From");
        if (string.IsNullOrWhiteSpace(from))
        {
            reader.Fail("From", "is required");
        }

        if (reader.HasErrors)
        {
            return new InvalidDelivery(reader.Errors);
        }

        var body = FormBody.Get(form, "Body");
        var keyword = SmsKeywords.Classify(body);
        var contact = EventFactory.Contact(null, null, from);
        var key = "inbound:" + sid;
        if (keyword is SmsKeyword.OptOut or SmsKeyword.OptIn)
        {
            var word = FieldReader.Clean(body, 32)!.ToUpperInvariant();
            // No consentAt: the consent time is the event's, which ingestion fixes at the first delivery of this
            // message, so Twilio's retries of the same post are one and the same event.
            var consent = new PropertyBag()
                .Put(EventProperties.Channel, "sms")
                .Put(EventProperties.ConsentStatus, keyword == SmsKeyword.OptOut ? "unsubscribed" : "subscribed")
                .Put(EventProperties.ConsentSource, "sms_keyword")
                .Put(EventProperties.Proof, "inbound " + sid + ": " + word)
                .Put(EventProperties.Keyword, keyword == SmsKeyword.OptOut ? "stop" : "start")
                .Put(EventProperties.ProviderMessageId, sid);
            return new MappedEvents(EventFactory.Create(EventSource.Twilio, EventTypes.ConsentChanged, key, delivery.ReceivedAt, contact, consent));
        }

        var properties = new PropertyBag()
            .Put(EventProperties.ProviderMessageId, sid)
            .Put(EventProperties.Keyword, keyword == SmsKeyword.Help ? "help" : null)
            .Put(EventProperties.Body, FieldReader.Clean(body, 1600));
        return new MappedEvents(EventFactory.Create(EventSource.Twilio, EventTypes.SmsReceived, key, delivery.ReceivedAt, contact, properties));
    }
}
