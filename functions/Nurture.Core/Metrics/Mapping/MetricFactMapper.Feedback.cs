using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Profiles;

namespace Nurture.Core.Metrics.Mapping;

public static partial class MetricFactMapper
{
    /// <summary>
    /// Channel feedback → a feedback fact: SendGrid delivered, open (with the machine flag), click, bounce,
    /// dropped (as a bounce), spam report and (group) unsubscribe; Twilio delivered, undelivered and failed
    /// (as a bounce); an SMS STOP (a consent change to unsubscribed from an SMS keyword) as an SMS
    /// unsubscribe naming no message. The message id comes from <c>customArgs.messageId</c>, else the ledger.
    /// </summary>
    /// <param name="evt">The event.</param>
    /// <param name="contactId">The resolved contact; needed when no message id is known.</param>
    /// <param name="ledgerMessageId">Our message id from the send ledger (looked up by the provider's id), if the event carries none.</param>
    public static FeedbackFact? Feedback(CanonicalEvent evt, string? contactId, string? ledgerMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var props = evt.Properties;
        (FeedbackKind Kind, MessageChannel Channel)? mapped = evt.Type switch
        {
            EventTypes.EmailDelivered => (FeedbackKind.Delivered, MessageChannel.Email),
            EventTypes.EmailOpened => (FeedbackKind.Opened, MessageChannel.Email),
            EventTypes.EmailClicked => (FeedbackKind.Clicked, MessageChannel.Email),
            EventTypes.EmailBounced or EventTypes.EmailDropped => (FeedbackKind.Bounced, MessageChannel.Email),
            EventTypes.EmailSpamReported => (FeedbackKind.SpamReported, MessageChannel.Email),
            EventTypes.EmailUnsubscribed or EventTypes.EmailGroupUnsubscribed => (FeedbackKind.Unsubscribed, MessageChannel.Email),
            EventTypes.SmsStatusChanged => EventJson.String(props, EventProperties.MessageStatus) switch
            {
                "delivered" => (FeedbackKind.Delivered, MessageChannel.Sms),
                "undelivered" or "failed" => (FeedbackKind.Bounced, MessageChannel.Sms),
                _ => null,
            },
            EventTypes.ConsentChanged when IsSmsStop(props) => (FeedbackKind.Unsubscribed, MessageChannel.Sms),
            _ => null,
        };
        if (mapped is not { } known)
        {
            return null;
        }

        var messageId = EventJson.Child(props, EventProperties.CustomArgs) is { } args && EventJson.String(args, MessageIdArgument) is { Length: > 0 } fromArgs
            ? fromArgs
            : string.IsNullOrEmpty(ledgerMessageId) ? null : ledgerMessageId;
        var contact = string.IsNullOrEmpty(contactId) ? null : contactId;
        if (messageId is null && contact is null)
        {
            return null;
        }

        return new FeedbackFact(
            evt.EventId,
            known.Kind,
            evt.OccurredAt,
            known.Channel,
            messageId,
            contact,
            known.Kind == FeedbackKind.Opened && EventJson.Bool(props, EventProperties.MachineOpen));
    }

    private static bool IsSmsStop(System.Text.Json.JsonElement props) =>
        EventJson.String(props, EventProperties.Channel) == "sms"
        && EventJson.String(props, EventProperties.ConsentStatus) == "unsubscribed"
        && EventJson.String(props, EventProperties.ConsentSource) == "sms_keyword";
}
