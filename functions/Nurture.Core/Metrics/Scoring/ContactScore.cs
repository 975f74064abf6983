namespace Nurture.Core.Metrics.Scoring;

/// <summary>
/// A contact's computed scores as of <see cref="ScoredAt"/>. Store it with the profile: the next run compares
/// stages (<see cref="StageChange.Detect"/>) and rescoring is due at <see cref="RescoreAt"/> even without new data.
/// </summary>
/// <param name="ContactId">The contact.</param>
/// <param name="ScoredAt">The time the scores hold for.</param>
/// <param name="ModelAsOf">The <see cref="ScoringModel.AsOf"/> of the model used.</param>
/// <param name="Stage">Lifecycle stage.</param>
/// <param name="StageSince">When the stage began, as far as the purchases tell (the latest purchase, or the instant a threshold was crossed); null for prospects.</param>
/// <param name="Rfm">RFM scores; null for prospects or without a model with buyers.</param>
/// <param name="Segment">The RFM segment; null with no scores.</param>
/// <param name="PurchaseCycle">The contact's own cycle (shrunk toward the shop's); null for prospects.</param>
/// <param name="ExpectedNextOrderAt">Latest purchase plus the contact's cycle; null for prospects.</param>
/// <param name="OrderOverdue">The expected next order's time has passed.</param>
/// <param name="SpendingPower">From order-value and monetary scores; null with no scores.</param>
/// <param name="ValueTier">From the monetary score; null with no scores.</param>
/// <param name="RescoreAt">The next instant at which time alone changes a score; null when only new data can.</param>
public sealed record ContactScore(
    string ContactId,
    DateTimeOffset ScoredAt,
    DateTimeOffset ModelAsOf,
    LifecycleStage Stage,
    DateTimeOffset? StageSince,
    RfmScore? Rfm,
    RfmSegment? Segment,
    TimeSpan? PurchaseCycle,
    DateTimeOffset? ExpectedNextOrderAt,
    bool OrderOverdue,
    SpendingPower? SpendingPower,
    ValueTier? ValueTier,
    DateTimeOffset? RescoreAt);
