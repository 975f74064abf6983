namespace Nurture.Core.Metrics.Scoring;

/// <summary>Names an RFM score: the first row that matches wins.</summary>
/// <remarks>
/// | segment | rule |
/// |---|---|
/// | champions | R ≥ 4, F ≥ 4, M ≥ 4 |
/// | loyal | R ≥ 3, F ≥ 4 |
/// | potential loyalists | R ≥ 4, F 2–3 |
/// | new customers | R ≥ 4, F = 1 |
/// | need attention | R = 3, F = 3 |
/// | promising | R = 3, F ≤ 2 |
/// | cannot lose them | R ≤ 2, F ≥ 4, M ≥ 4 |
/// | at risk | R ≤ 2, F ≥ 3 |
/// | about to sleep | R = 2, F ≤ 2 |
/// | hibernating | R = 1, F = 2 |
/// | lost | R = 1, F = 1 |
/// Every combination of scores 1–5 matches exactly one row.
/// </remarks>
public static class RfmSegments
{
    /// <summary>The segment of a score.</summary>
    /// <param name="score">Scores 1–5.</param>
    public static RfmSegment Of(RfmScore score)
    {
        var (r, f, m) = (score.Recency, score.Frequency, score.Monetary);
        if (r is < 1 or > 5 || f is < 1 or > 5 || m is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "RFM scores run from 1 to 5.");
        }

        return (r, f, m) switch
        {
            ( >= 4, >= 4, >= 4) => RfmSegment.Champions,
            ( >= 3, >= 4, _) => RfmSegment.Loyal,
            ( >= 4, >= 2, _) => RfmSegment.PotentialLoyalists,
            ( >= 4, _, _) => RfmSegment.NewCustomers,
            (3, 3, _) => RfmSegment.NeedAttention,
            (3, _, _) => RfmSegment.Promising,
            (_, >= 4, >= 4) => RfmSegment.CannotLoseThem,
            (_, >= 3, _) => RfmSegment.AtRisk,
            (2, _, _) => RfmSegment.AboutToSleep,
            (_, 2, _) => RfmSegment.Hibernating,
            _ => RfmSegment.Lost,
        };
    }
}
