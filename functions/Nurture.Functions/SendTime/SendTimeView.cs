using Nurture.Core.Journeys.Model;
using Nurture.Core.SendTime;

namespace Nurture.Functions.SendTime;

/// <summary>A contact's best send time in a window, explained (the answer of the send-time endpoints).</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Channel">The channel asked about.</param>
/// <param name="At">The chosen instant, UTC.</param>
/// <param name="LocalAt">The same instant at the contact's local offset.</param>
/// <param name="TimeZone">The zone it was chosen in (IANA id).</param>
/// <param name="ZoneSource">Where the zone came from: the profile, inferred from the evidence, the shop's, or UTC.</param>
/// <param name="Basis">Personal (the contact's own evidence), shop (the shop's routines) or default (the default curve).</param>
/// <param name="EvidenceCount">Genuine engagements the contact's model holds (machine opens and deliveries are not evidence).</param>
/// <param name="EffectiveEvidence">The decayed, exposure-corrected evidence weight behind the personal part.</param>
/// <param name="Confidence">0 to 1: how much of the estimate is learned about this contact.</param>
/// <param name="ResolutionMinutes">The grid the slot was chosen on: 15 where the evidence supports it, else 60.</param>
/// <param name="Constrained">Whether a better slot was skipped for quiet hours or a frequency cap.</param>
/// <param name="BeyondWindow">Whether every slot in the window was quiet or capped, so the time is the first allowed one after it.</param>
/// <param name="Lift">Expected engagement at <paramref name="At"/> relative to sending at the window's start.</param>
/// <param name="WindowStart">The window's start (UTC).</param>
/// <param name="WindowEnd">The window's end (UTC).</param>
public sealed record SendTimeView(
    string ContactId,
    MessageChannel Channel,
    DateTimeOffset At,
    DateTimeOffset LocalAt,
    string TimeZone,
    ZoneSource ZoneSource,
    SendTimeBasis Basis,
    int EvidenceCount,
    double EffectiveEvidence,
    double Confidence,
    int ResolutionMinutes,
    bool Constrained,
    bool BeyondWindow,
    double Lift,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd)
{
    /// <summary>The view of <paramref name="choice"/>.</summary>
    public static SendTimeView Of(string contactId, SendTimeQuery query, SendTimeChoice choice)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(choice);
        return new SendTimeView(
            contactId,
            query.Channel,
            choice.At.ToUniversalTime(),
            choice.LocalAt,
            choice.TimeZone,
            choice.ZoneSource,
            choice.Basis,
            choice.EvidenceCount,
            Math.Round(choice.EffectiveEvidence, 3),
            Math.Round(choice.Confidence, 3),
            choice.ResolutionMinutes,
            choice.Constrained,
            choice.BeyondWindow,
            Math.Round(choice.Lift, 3),
            query.From,
            query.From + query.Within);
    }
}
