using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Metrics.Facts;

/// <summary>Delivery feedback about a message.</summary>
/// <param name="FeedbackId">The canonical event id: the dedupe key.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="Channel">The message's channel.</param>
/// <param name="MessageId">
/// The message it is about (our id). When null, the feedback belongs to the contact's latest send on the
/// channel at or before <paramref name="At"/> within the contact-level window (an SMS STOP names no message).
/// </param>
/// <param name="ContactId">The contact, needed only when <paramref name="MessageId"/> is null.</param>
/// <param name="MachineOpen">On an open: a privacy-proxy prefetch, not a person.</param>
public sealed record FeedbackFact(
    string FeedbackId,
    FeedbackKind Kind,
    DateTimeOffset At,
    MessageChannel Channel,
    string? MessageId,
    string? ContactId = null,
    bool MachineOpen = false)
{
    /// <summary>Throws when the fact cannot be used.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrEmpty(FeedbackId);
        if (string.IsNullOrEmpty(MessageId) && string.IsNullOrEmpty(ContactId))
        {
            throw new ArgumentException($"Feedback '{FeedbackId}' names neither a message nor a contact.", nameof(MessageId));
        }
    }
}
