namespace Nurture.Core.Metrics.Orders;

/// <summary>A shop's orders as of a time: deduped, refunds and cancellations applied, one currency.</summary>
/// <param name="AsOf">Orders, refunds and cancellations after this time are left out.</param>
/// <param name="Currency">The currency the amounts are in (null when no order named one).</param>
/// <param name="Orders">Every order in the currency placed by <paramref name="AsOf"/> (cancelled ones too), by time then id.</param>
/// <param name="ByContact">Purchases per contact, for contacts with at least one purchase.</param>
/// <param name="OtherCurrencyOrders">Orders left out because they were in another currency.</param>
/// <param name="UnmatchedRefunds">Refunds of orders not among the facts (left out).</param>
public sealed record ResolvedOrders(
    DateTimeOffset AsOf,
    string? Currency,
    IReadOnlyList<ResolvedOrder> Orders,
    IReadOnlyDictionary<string, ContactOrders> ByContact,
    int OtherCurrencyOrders,
    int UnmatchedRefunds);
