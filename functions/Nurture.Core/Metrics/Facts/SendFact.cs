using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Metrics.Facts;

/// <summary>A message a journey handed to a channel.</summary>
/// <param name="MessageId">The deterministic message id (the send ledger's key): the dedupe key, and what feedback names.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The journey version the instance runs on.</param>
/// <param name="NodeId">The send step.</param>
/// <param name="Variant">The split variant(s) the contact is in, as the decider records them (comma-joined by split node id); null outside splits.</param>
/// <param name="Channel">Email or SMS.</param>
/// <param name="ContactId">The recipient (used to link orders; never reported).</param>
/// <param name="SentAt">When the channel accepted it.</param>
/// <param name="Timing">Whether the send is in the send-time experiment, and on which side.</param>
public sealed record SendFact(
    string MessageId,
    string JourneyId,
    int Version,
    string NodeId,
    string? Variant,
    MessageChannel Channel,
    string ContactId,
    DateTimeOffset SentAt,
    SendTiming Timing = SendTiming.NotInExperiment)
{
    /// <summary>Throws when the fact cannot be used.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrEmpty(MessageId);
        ArgumentException.ThrowIfNullOrEmpty(JourneyId);
        ArgumentException.ThrowIfNullOrEmpty(NodeId);
        ArgumentException.ThrowIfNullOrEmpty(ContactId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Version);
    }
}
