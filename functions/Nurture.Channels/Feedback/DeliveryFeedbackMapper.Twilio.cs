using Nurture.Channels.Sending;
using Nurture.Channels.Sending.Twilio;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Feedback;

/// <summary>Twilio status callbacks.</summary>
/// <remarks>
/// queued / accepted / scheduled / sending → Queued; sent, delivered, undelivered, failed, canceled as named. An
/// error code decides the effects: 21610 (opted out) withdraws SMS consent; 21211, 21614, 30005 (unknown handset)
/// and 30006 (landline or unreachable carrier) suppress the number as unusable. Other codes (30003 unreachable,
/// 30007 filtered, ...) leave the contact as is.
/// </remarks>
public static partial class DeliveryFeedbackMapper
{
    /// <summary>Twilio: unknown destination handset.</summary>
    private const string UnknownHandset = "30005";

    /// <summary>Twilio: landline or unreachable carrier.</summary>
    private const string Landline = "30006";

    private static DeliveryFeedback? FromTwilio(CanonicalEvent canonical)
    {
        var p = canonical.Properties;
        DeliveryStatus? status = Text(p, EventProperties.MessageStatus) switch
        {
            "queued" or "accepted" or "scheduled" or "sending" => DeliveryStatus.Queued,
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "undelivered" => DeliveryStatus.Undelivered,
            "failed" => DeliveryStatus.Failed,
            "canceled" => DeliveryStatus.Canceled,
            _ => null,
        };
        if (status is not { } known)
        {
            return null;
        }

        var code = Text(p, EventProperties.ErrorCode);
        var (effects, recipient) = code switch
        {
            _ when code == TwilioErrors.Unsubscribed.ToString(System.Globalization.CultureInfo.InvariantCulture) =>
                (FeedbackEffects.WithdrawConsent, RecipientImpact.SmsConsentWithdrawn),
            _ when code == TwilioErrors.InvalidTo.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || code == TwilioErrors.NotMobile.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || code is UnknownHandset or Landline =>
                (FeedbackEffects.Suppress, RecipientImpact.PhoneUnusable),
            _ => (FeedbackEffects.None, RecipientImpact.None),
        };
        return new DeliveryFeedback(
            MessageChannel.Sms,
            Text(p, EventProperties.MessageId),
            Text(p, EventProperties.ProviderMessageId),
            known,
            canonical.OccurredAt,
            code,
            null,
            effects,
            recipient);
    }
}
