namespace Nurture.Core.SendTime;

/// <summary>An explained send time: when, in whose time, on what evidence and how sure.</summary>
/// <param name="At">The chosen instant (UTC).</param>
/// <param name="LocalAt">The same instant at the contact's local offset.</param>
/// <param name="TimeZone">The zone it was chosen in (IANA id).</param>
/// <param name="ZoneSource">Where the zone came from.</param>
/// <param name="Basis">Whether the choice is personal, the shop's pattern or the default curve.</param>
/// <param name="EvidenceCount">Genuine engagements the contact's model holds (undecayed).</param>
/// <param name="EffectiveEvidence">The decayed, exposure-corrected evidence weight behind the personal part.</param>
/// <param name="Confidence">
/// 0 to 1: how much of the estimate is learned about this contact: the weight of their own smoothed evidence, plus, on
/// the rest, how sure their evidence makes us of which of the shop's routines (and zones) they follow, times how
/// well-founded the shop's routines are. 0 for a contact without evidence.
/// </param>
/// <param name="ResolutionMinutes">The grid the slot was chosen on: 15 where evidence supports it, else 60.</param>
/// <param name="Explored">Whether the choice was in the exploration share (a good slot drawn at random rather than the best).</param>
/// <param name="Constrained">Whether a better slot in the window was skipped because of quiet hours or a frequency cap.</param>
/// <param name="BeyondWindow">Whether every slot in the window was quiet or capped, so the send moved to the first allowed instant after it.</param>
/// <param name="Lift">Expected engagement at <paramref name="At"/> relative to sending at the decision time.</param>
public sealed record SendTimeChoice(
    DateTimeOffset At,
    DateTimeOffset LocalAt,
    string TimeZone,
    ZoneSource ZoneSource,
    SendTimeBasis Basis,
    int EvidenceCount,
    double EffectiveEvidence,
    double Confidence,
    int ResolutionMinutes,
    bool Explored,
    bool Constrained,
    bool BeyondWindow,
    double Lift);
