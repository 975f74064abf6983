using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Feedback;

/// <summary>One piece of delivery feedback for one sent message, provider-neutral.</summary>
/// <param name="Channel">Email or SMS.</param>
/// <param name="MessageId">Our message id (from SendGrid's custom_args or Twilio's callback URL), when the feedback carries it.</param>
/// <param name="ProviderMessageId">The provider's message id.</param>
/// <param name="Status">What happened.</param>
/// <param name="At">When it happened (SendGrid's timestamp; for Twilio, when the callback arrived).</param>
/// <param name="ErrorCode">The provider's error code (Twilio's, or the SMTP status of a bounce), if any.</param>
/// <param name="Reason">The provider's reason, with addresses and numbers removed, if any.</param>
/// <param name="Effects">What it implies for consent, suppression and engagement.</param>
/// <param name="Recipient">What it says about the address or number.</param>
public sealed record DeliveryFeedback(
    MessageChannel Channel,
    string? MessageId,
    string? ProviderMessageId,
    DeliveryStatus Status,
    DateTimeOffset At,
    string? ErrorCode,
    string? Reason,
    FeedbackEffects Effects,
    RecipientImpact Recipient)
{
    /// <summary>For opens: whether a privacy proxy opened it (not the person; never engagement).</summary>
    public bool MachineOpen { get; init; }

    /// <summary>For clicks: the URL clicked.</summary>
    public string? Url { get; init; }

    /// <summary>For group unsubscribes and resubscribes: the SendGrid group.</summary>
    public string? AsmGroupId { get; init; }

    /// <summary>Whether <paramref name="effect"/> is among <see cref="Effects"/>.</summary>
    /// <param name="effect">The effect.</param>
    public bool Implies(FeedbackEffects effect) => (Effects & effect) == effect;
}
