namespace Nurture.Core.Metrics.Scoring;

/// <summary>Scores one contact against the shop's model: pure, so any subset of contacts can be rescored on its own.</summary>
/// <remarks>
/// <para>Stage: prospect without purchases; churned when the latest purchase is at least
/// <see cref="LifecycleThresholds.ChurnedAfter"/> ago; dormant at least <see cref="LifecycleThresholds.DormantAfter"/>;
/// otherwise loyal (at least the loyal number of purchases), new (one) or active.</para>
/// <para>RFM: recency = whole days since the latest purchase (fewer is better), frequency = purchases, monetary
/// = net revenue, each scored 1–5 against the model's quintile cuts.</para>
/// <para>Own cycle: with k = purchases − 1 gaps of mean g and the shop cycle C, (k·g + s·C) / (k + s) where s is
/// <see cref="ScoringSettings.CycleShrinkage"/>; the expected next order is the latest purchase plus that.</para>
/// </remarks>
public static partial class ContactScorer
{
    /// <summary>The contact's scores at <paramref name="asOf"/>.</summary>
    /// <param name="summary">The contact's purchases.</param>
    /// <param name="model">The shop's model.</param>
    /// <param name="asOf">The time to score at (not before the model was measured).</param>
    /// <param name="settings">Used for the cycle shrinkage.</param>
    public static ContactScore Score(CustomerSummary summary, ScoringModel model, DateTimeOffset asOf, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        if (!summary.IsBuyer)
        {
            return new ContactScore(summary.ContactId, asOf, model.AsOf, LifecycleStage.Prospect, null, null, null, null, null, false, null, null, null);
        }

        var last = summary.LastPurchaseAt!.Value;
        var elapsed = Elapsed(last, asOf);
        var thresholds = model.Lifecycle;
        var stage = thresholds.StageOf(summary.Purchases, elapsed);
        var since = stage switch
        {
            LifecycleStage.Churned => last + thresholds.ChurnedAfter,
            LifecycleStage.Dormant => last + thresholds.DormantAfter,
            _ => last,
        };

        var rfm = RfmOf(summary, model, elapsed);
        var cycle = OwnCycle(summary, thresholds.PurchaseCycle, settings.CycleShrinkage);
        var expected = last + cycle;
        return new ContactScore(
            summary.ContactId,
            asOf,
            model.AsOf,
            stage,
            since,
            rfm,
            rfm is { } score ? RfmSegments.Of(score) : null,
            cycle,
            expected,
            asOf >= expected,
            rfm is { } s && model.AverageOrderValue is { } aov ? SpendingPowerOf(aov.HigherIsBetter(summary.AverageOrderValue) + s.Monetary) : null,
            rfm is { } m ? ValueTierOf(m.Monetary) : null,
            NextChangeAfter(summary, model, settings, asOf));
    }

    private static RfmScore? RfmOf(CustomerSummary summary, ScoringModel model, TimeSpan elapsed)
    {
        if (model.RecencyDays is not { } recency || model.Frequency is not { } frequency || model.Monetary is not { } monetary)
        {
            return null;
        }

        return new RfmScore(
            recency.LowerIsBetter(elapsed.Ticks / TimeSpan.TicksPerDay),
            frequency.HigherIsBetter(summary.Purchases),
            monetary.HigherIsBetter(summary.NetRevenue));
    }

    private static TimeSpan OwnCycle(CustomerSummary summary, TimeSpan shopCycle, double shrinkage)
    {
        if (summary.MeanGap is not { } gap)
        {
            return shopCycle;
        }

        double gaps = summary.Purchases - 1;
        return TimeSpan.FromTicks((long)Math.Round(((gaps * gap.Ticks) + (shrinkage * shopCycle.Ticks)) / (gaps + shrinkage)));
    }

    private static SpendingPower SpendingPowerOf(int orderValuePlusMonetary) => orderValuePlusMonetary switch
    {
        >= 8 => SpendingPower.High,
        >= 5 => SpendingPower.Medium,
        _ => SpendingPower.Low,
    };

    private static ValueTier ValueTierOf(int monetary) => monetary switch
    {
        5 => ValueTier.High,
        >= 3 => ValueTier.Medium,
        _ => ValueTier.Low,
    };

    private static TimeSpan Elapsed(DateTimeOffset last, DateTimeOffset asOf) => asOf > last ? asOf - last : TimeSpan.Zero;
}
