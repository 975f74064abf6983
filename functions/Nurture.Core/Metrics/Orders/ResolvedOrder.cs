namespace Nurture.Core.Metrics.Orders;

/// <summary>An order with its refunds and cancellation applied, as of a report's time.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="ContactId">Who placed it, if known.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="Total">The order total.</param>
/// <param name="Refunded">Refunds up to the report time, at most the total.</param>
/// <param name="Cancelled">Cancelled by the report time.</param>
public sealed record ResolvedOrder(string OrderId, string? ContactId, DateTimeOffset PlacedAt, decimal Total, decimal Refunded, bool Cancelled)
{
    /// <summary>Whether it counts as a purchase: every order that is not cancelled (a refunded one still counts, with less revenue).</summary>
    public bool IsPurchase => !Cancelled;

    /// <summary>Revenue: total minus refunds, zero when cancelled.</summary>
    public decimal NetRevenue => Cancelled ? 0m : Total - Refunded;
}
