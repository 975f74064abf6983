namespace Nurture.Core.Metrics.Scoring;

/// <summary>
/// The shop's lifecycle and RFM distribution as of <see cref="AsOf"/>, written by <c>ScoreContacts</c>: counts and
/// sums only, never a contact.
/// </summary>
/// <param name="AsOf">The time the scores hold for.</param>
/// <param name="PurchaseCycleDays">The shop's purchase cycle C in days (measured or set).</param>
/// <param name="DormantAfterDays">The dormant threshold in days.</param>
/// <param name="ChurnedAfterDays">The churned threshold in days.</param>
/// <param name="Contacts">Contacts scored (prospects included).</param>
/// <param name="Stages">Contacts per lifecycle stage, every stage listed (zero included), in the enum's order.</param>
/// <param name="Segments">Contacts and their net revenue per RFM segment, every segment listed, in the enum's order.</param>
/// <param name="RecencyFrequency">Buyers per (R, F) score pair, the 25 cells R 1–5 × F 1–5, R then F ascending.</param>
public sealed record LifecycleReport(
    DateTimeOffset AsOf,
    double PurchaseCycleDays,
    double DormantAfterDays,
    double ChurnedAfterDays,
    int Contacts,
    IReadOnlyList<StageCount> Stages,
    IReadOnlyList<SegmentCount> Segments,
    IReadOnlyList<RfmCell> RecencyFrequency);

/// <summary>Contacts in one lifecycle stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Contacts">How many contacts are in it.</param>
public sealed record StageCount(LifecycleStage Stage, int Contacts);

/// <summary>Contacts in one RFM segment.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="Contacts">How many contacts are in it.</param>
/// <param name="NetRevenue">Their net revenue (after refunds), in the shop's currency.</param>
public sealed record SegmentCount(RfmSegment Segment, int Contacts, decimal NetRevenue);

/// <summary>Buyers with one recency and frequency score.</summary>
/// <param name="Recency">R, 1–5 (5 = most recent).</param>
/// <param name="Frequency">F, 1–5 (5 = most purchases).</param>
/// <param name="Contacts">How many buyers have that pair.</param>
public sealed record RfmCell(int Recency, int Frequency, int Contacts);
