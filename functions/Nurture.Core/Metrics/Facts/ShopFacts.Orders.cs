using Nurture.Core.Metrics.Orders;

namespace Nurture.Core.Metrics.Facts;

public sealed partial class ShopFacts
{
    /// <summary>
    /// The orders as of <paramref name="asOf"/>: refunds (capped at the order total) and cancellations up to
    /// then applied, in one currency.
    /// </summary>
    /// <param name="asOf">Facts after this time are left out, so a report for a past day can be recomputed.</param>
    /// <param name="currency">The shop's currency; null picks the currency most orders name (ties: the ordinally first). Orders naming no currency are taken to be in it.</param>
    public ResolvedOrders ResolveOrders(DateTimeOffset asOf, string? currency = null)
    {
        currency ??= MostCommonCurrency(asOf);
        var refunded = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unmatchedRefunds = 0;
        foreach (var refund in _refunds.Values)
        {
            if (refund.RefundedAt > asOf)
            {
                continue;
            }

            if (!_orders.ContainsKey(refund.OrderId))
            {
                unmatchedRefunds++;
                continue;
            }

            refunded[refund.OrderId] = refunded.GetValueOrDefault(refund.OrderId) + refund.Amount;
        }

        var orders = new List<ResolvedOrder>(_orders.Count);
        var otherCurrency = 0;
        foreach (var order in _orders.Values)
        {
            if (order.PlacedAt > asOf)
            {
                continue;
            }

            if (order.Currency is not null && currency is not null && !string.Equals(order.Currency, currency, StringComparison.OrdinalIgnoreCase))
            {
                otherCurrency++;
                continue;
            }

            var cancelled = _cancellations.TryGetValue(order.OrderId, out var cancellation) && cancellation.CancelledAt <= asOf;
            var refunds = Math.Min(order.Total, refunded.GetValueOrDefault(order.OrderId));
            orders.Add(new ResolvedOrder(order.OrderId, order.ContactId, order.PlacedAt, order.Total, refunds, cancelled));
        }

        orders.Sort(static (a, b) =>
        {
            var c = a.PlacedAt.CompareTo(b.PlacedAt);
            return c != 0 ? c : string.CompareOrdinal(a.OrderId, b.OrderId);
        });

        return new ResolvedOrders(asOf, currency, orders, GroupByContact(orders), otherCurrency, unmatchedRefunds);
    }

    private static Dictionary<string, ContactOrders> GroupByContact(List<ResolvedOrder> sorted)
    {
        var lists = new Dictionary<string, List<ResolvedOrder>>(StringComparer.Ordinal);
        foreach (var order in sorted)
        {
            if (order.ContactId is null || !order.IsPurchase)
            {
                continue;
            }

            if (!lists.TryGetValue(order.ContactId, out var list))
            {
                list = new List<ResolvedOrder>(2);
                lists.Add(order.ContactId, list);
            }

            list.Add(order);
        }

        var byContact = new Dictionary<string, ContactOrders>(lists.Count, StringComparer.Ordinal);
        foreach (var (contactId, list) in lists)
        {
            byContact.Add(contactId, new ContactOrders(contactId, list));
        }

        return byContact;
    }

    private string? MostCommonCurrency(DateTimeOffset asOf)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var order in _orders.Values)
        {
            if (order.Currency is { } code && order.PlacedAt <= asOf)
            {
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }

        string? best = null;
        var bestCount = 0;
        foreach (var (code, count) in counts)
        {
            var upper = code.ToUpperInvariant();
            if (count > bestCount || (count == bestCount && string.CompareOrdinal(upper, best) < 0))
            {
                best = upper;
                bestCount = count;
            }
        }

        return best;
    }
}
