using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Metrics.Orders;

/// <summary>One contact's purchases (orders not cancelled), oldest first.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Purchases">Purchases ordered by time, then order id.</param>
public sealed record ContactOrders(string ContactId, IReadOnlyList<ResolvedOrder> Purchases)
{
    /// <summary>The first purchase's time (the contact's cohort); null without purchases.</summary>
    public DateTimeOffset? FirstPurchaseAt => Purchases.Count == 0 ? null : Purchases[0].PlacedAt;

    /// <summary>The latest purchase's time.</summary>
    public DateTimeOffset? LastPurchaseAt => Purchases.Count == 0 ? null : Purchases[^1].PlacedAt;

    /// <summary>Net revenue over all purchases.</summary>
    public decimal NetRevenue
    {
        get
        {
            var sum = 0m;
            foreach (var order in Purchases)
            {
                sum += order.NetRevenue;
            }

            return sum;
        }
    }

    /// <summary>The scoring input for this contact.</summary>
    public CustomerSummary ToSummary() => new(ContactId, Purchases.Count, FirstPurchaseAt, LastPurchaseAt, NetRevenue);
}
