namespace Nurture.Core.Metrics.Scoring;

/// <summary>Counts the shop's contacts per lifecycle stage, RFM segment and (R, F) pair: the <see cref="LifecycleReport"/>.</summary>
public static class LifecycleDistribution
{
    /// <summary>The distribution of <paramref name="contacts"/> (each once) scored against <paramref name="model"/>.</summary>
    /// <param name="model">The model the scores used: gives the cycle and thresholds.</param>
    /// <param name="asOf">The time the scores hold for.</param>
    /// <param name="contacts">Every scored contact, prospects included.</param>
    public static LifecycleReport Compute(ScoringModel model, DateTimeOffset asOf, IEnumerable<ScoredContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(contacts);
        var stages = new int[Enum.GetValues<LifecycleStage>().Length];
        var segments = new int[Enum.GetValues<RfmSegment>().Length];
        var revenue = new decimal[segments.Length];
        var cells = new int[25];
        var count = 0;
        foreach (var contact in contacts)
        {
            count++;
            var score = contact.Score;
            stages[(int)score.Stage]++;
            if (score.Segment is { } segment)
            {
                segments[(int)segment]++;
                revenue[(int)segment] += contact.Summary.NetRevenue;
            }

            if (score.Rfm is { } rfm)
            {
                cells[((rfm.Recency - 1) * 5) + rfm.Frequency - 1]++;
            }
        }

        var thresholds = model.Lifecycle;
        return new LifecycleReport(
            asOf,
            thresholds.PurchaseCycle.TotalDays,
            thresholds.DormantAfter.TotalDays,
            thresholds.ChurnedAfter.TotalDays,
            count,
            [.. Enum.GetValues<LifecycleStage>().Select(s => new StageCount(s, stages[(int)s]))],
            [.. Enum.GetValues<RfmSegment>().Select(s => new SegmentCount(s, segments[(int)s], revenue[(int)s]))],
            [.. Enumerable.Range(0, 25).Select(i => new RfmCell((i / 5) + 1, (i % 5) + 1, cells[i]))]);
    }
}
