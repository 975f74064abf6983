namespace Nurture.Core.Metrics.Scoring;

/// <summary>The shop's lifecycle thresholds as of a scoring model.</summary>
/// <param name="PurchaseCycle">The shop's purchase cycle C.</param>
/// <param name="Source">Where C came from.</param>
/// <param name="RepeatBuyers">Repeat buyers it was measured on.</param>
/// <param name="DormantAfter">No purchase for at least this long: dormant.</param>
/// <param name="ChurnedAfter">No purchase for at least this long: churned.</param>
/// <param name="LoyalMinimumPurchases">Recent buyers with at least this many purchases are loyal.</param>
public sealed record LifecycleThresholds(
    TimeSpan PurchaseCycle,
    CycleSource Source,
    int RepeatBuyers,
    TimeSpan DormantAfter,
    TimeSpan ChurnedAfter,
    int LoyalMinimumPurchases)
{
    /// <summary>The stage of a contact with <paramref name="purchases"/>, the latest <paramref name="sinceLastPurchase"/> ago.</summary>
    /// <param name="purchases">Purchases (not cancelled).</param>
    /// <param name="sinceLastPurchase">Time since the latest; ignored without purchases.</param>
    public LifecycleStage StageOf(int purchases, TimeSpan sinceLastPurchase)
    {
        if (purchases <= 0)
        {
            return LifecycleStage.Prospect;
        }

        if (sinceLastPurchase >= ChurnedAfter)
        {
            return LifecycleStage.Churned;
        }

        if (sinceLastPurchase >= DormantAfter)
        {
            return LifecycleStage.Dormant;
        }

        return purchases >= LoyalMinimumPurchases ? LifecycleStage.Loyal
            : purchases == 1 ? LifecycleStage.New
            : LifecycleStage.Active;
    }
}
