using Nurture.Core.Profiles;

namespace Nurture.Core.Metrics.Scoring;

/// <summary>What scoring needs to know about one contact's purchases.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Purchases">Orders placed and not cancelled.</param>
/// <param name="FirstPurchaseAt">The first purchase; null without purchases.</param>
/// <param name="LastPurchaseAt">The latest purchase; null without purchases.</param>
/// <param name="NetRevenue">Order totals minus refunds, cancelled orders left out.</param>
public sealed record CustomerSummary(string ContactId, int Purchases, DateTimeOffset? FirstPurchaseAt, DateTimeOffset? LastPurchaseAt, decimal NetRevenue)
{
    /// <summary>Whether the contact has bought anything.</summary>
    public bool IsBuyer => Purchases > 0 && LastPurchaseAt is not null;

    /// <summary>Net revenue per purchase; zero without purchases.</summary>
    public decimal AverageOrderValue => Purchases == 0 ? 0m : NetRevenue / Purchases;

    /// <summary>The contact's mean time between purchases, (last − first) / (purchases − 1); null with fewer than two purchases.</summary>
    public TimeSpan? MeanGap =>
        Purchases >= 2 && FirstPurchaseAt is { } first && LastPurchaseAt is { } last && last > first
            ? TimeSpan.FromTicks((last - first).Ticks / (Purchases - 1))
            : null;

    /// <summary>
    /// A summary from the profile's order statistics, for scoring without reading every order. Approximate:
    /// cancelled orders are subtracted from the count and their refunds from the total, but the first and
    /// last order times may still be those of a cancelled order.
    /// </summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="stats">The profile's order statistics.</param>
    public static CustomerSummary FromOrderStats(string contactId, OrderStats stats)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentNullException.ThrowIfNull(stats);
        var purchases = Math.Max(0, stats.OrderCount - stats.CancelledCount);
        return purchases == 0
            ? new CustomerSummary(contactId, 0, null, null, 0m)
            : new CustomerSummary(contactId, purchases, stats.FirstOrderAt, stats.LastOrderAt, Math.Max(0m, stats.TotalSpent));
    }
}
