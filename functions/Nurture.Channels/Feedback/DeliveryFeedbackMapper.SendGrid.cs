using Nurture.Channels.Ingestion;
using Nurture.Channels.Sending;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Feedback;

/// <summary>SendGrid events.</summary>
/// <remarks>
/// | event | status | effects |
/// |---|---|---|
/// | processed / delivered / deferred | Processed / Delivered / Deferred | none |
/// | bounce, type <c>bounce</c> (or a 5.x.x status) | HardBounced | Suppress; address unusable |
/// | bounce, type <c>blocked</c> (or a 4.x.x status) | SoftBounced | none |
/// | dropped, reason Bounced Address / Invalid | Dropped | Suppress; address unusable |
/// | dropped, reason Unsubscribed Address | Dropped | WithdrawConsent |
/// | dropped, reason Spam Reporting Address | Dropped | WithdrawConsent, Suppress |
/// | spamreport | SpamReported | WithdrawConsent, Suppress |
/// | unsubscribe / group_unsubscribe | Unsubscribed / GroupUnsubscribed | WithdrawConsent (the group's only) |
/// | group_resubscribe | GroupResubscribed | none |
/// | open | Opened | Engagement unless a machine open |
/// | click | Clicked | Engagement |
/// </remarks>
public static partial class DeliveryFeedbackMapper
{
    private static DeliveryFeedback? FromSendGrid(CanonicalEvent canonical)
    {
        var p = canonical.Properties;
        var reason = Text(p, EventProperties.Reason);
        var smtp = Text(p, DeliveryEventProperties.SmtpStatus);
        var (status, effects, recipient) = canonical.Type switch
        {
            EventTypes.EmailProcessed => (DeliveryStatus.Processed, FeedbackEffects.None, RecipientImpact.None),
            EventTypes.EmailDelivered => (DeliveryStatus.Delivered, FeedbackEffects.None, RecipientImpact.None),
            EventTypes.EmailDeferred => (DeliveryStatus.Deferred, FeedbackEffects.None, RecipientImpact.None),
            EventTypes.EmailBounced => IsHardBounce(Text(p, EventProperties.BounceType), smtp)
                ? (DeliveryStatus.HardBounced, FeedbackEffects.Suppress, RecipientImpact.EmailUnusable)
                : (DeliveryStatus.SoftBounced, FeedbackEffects.None, RecipientImpact.None),
            EventTypes.EmailDropped => Dropped(reason),
            EventTypes.EmailSpamReported => (DeliveryStatus.SpamReported, FeedbackEffects.WithdrawConsent | FeedbackEffects.Suppress, RecipientImpact.None),
            EventTypes.EmailUnsubscribed => (DeliveryStatus.Unsubscribed, FeedbackEffects.WithdrawConsent, RecipientImpact.None),
            EventTypes.EmailGroupUnsubscribed => (DeliveryStatus.GroupUnsubscribed, FeedbackEffects.WithdrawConsent, RecipientImpact.None),
            EventTypes.EmailGroupResubscribed => (DeliveryStatus.GroupResubscribed, FeedbackEffects.None, RecipientImpact.None),
            EventTypes.EmailOpened => (DeliveryStatus.Opened, Flag(p, EventProperties.MachineOpen) ? FeedbackEffects.None : FeedbackEffects.Engagement, RecipientImpact.None),
            EventTypes.EmailClicked => (DeliveryStatus.Clicked, FeedbackEffects.Engagement, RecipientImpact.None),
            _ => ((DeliveryStatus?)null, FeedbackEffects.None, RecipientImpact.None),
        };
        if (status is not { } known)
        {
            return null;
        }

        return new DeliveryFeedback(
            MessageChannel.Email,
            Text(p, EventProperties.MessageId),
            Text(p, EventProperties.ProviderMessageId),
            known,
            canonical.OccurredAt,
            smtp,
            reason is null ? null : PersonalData.Scrub(reason, 300),
            effects,
            recipient)
        {
            MachineOpen = known == DeliveryStatus.Opened && Flag(p, EventProperties.MachineOpen),
            Url = known == DeliveryStatus.Clicked ? Text(p, EventProperties.Url) : null,
            AsmGroupId = Text(p, EventProperties.AsmGroupId),
        };
    }

    /// <summary>A bounce is hard when SendGrid says <c>bounce</c> (not <c>blocked</c>); without a type, when the SMTP status is 5.x.x.</summary>
    private static bool IsHardBounce(string? type, string? smtpStatus) => type switch
    {
        "bounce" => true,
        "blocked" => false,
        _ => smtpStatus is { Length: > 0 } s && s[0] == '5',
    };

    private static (DeliveryStatus?, FeedbackEffects, RecipientImpact) Dropped(string? reason) => reason switch
    {
        _ when Has(reason, "Bounced Address") || string.Equals(reason?.Trim(), "Invalid", StringComparison.OrdinalIgnoreCase) =>
            (DeliveryStatus.Dropped, FeedbackEffects.Suppress, RecipientImpact.EmailUnusable),
        _ when Has(reason, "Spam Reporting Address") => (DeliveryStatus.Dropped, FeedbackEffects.WithdrawConsent | FeedbackEffects.Suppress, RecipientImpact.None),
        _ when Has(reason, "Unsubscribed Address") => (DeliveryStatus.Dropped, FeedbackEffects.WithdrawConsent, RecipientImpact.None),
        _ => (DeliveryStatus.Dropped, FeedbackEffects.None, RecipientImpact.None),
    };

    private static bool Has(string? text, string part) => text is not null && text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
