using Nurture.Core.Events;

namespace Nurture.Core.Profiles;

public static partial class ProfileReducer
{
    private static ContactProfile ApplyOrderPlaced(ContactProfile profile, CanonicalEvent evt)
    {
        var orders = profile.Orders;
        var total = EventJson.Decimal(evt.Properties, EventProperties.Total) ?? 0m;
        var categories = orders.Categories;
        var products = orders.Products;
        foreach (var line in EventJson.Array(evt.Properties, EventProperties.LineItems))
        {
            if (EventJson.String(line, EventProperties.Category) is { Length: > 0 and <= 256 } category)
            {
                categories = categories.Add(category.Trim());
            }

            if (EventJson.String(line, EventProperties.ProductId) is { Length: > 0 and <= 128 } product)
            {
                products = products.Add(product);
            }
        }

        var (first, second) = TwoEarliest(orders.FirstOrderAt, orders.SecondOrderAt, evt.OccurredAt, null);
        orders = orders with
        {
            FirstOrderAt = first,
            SecondOrderAt = second,
            LastOrderAt = Max(orders.LastOrderAt, evt.OccurredAt),
            OrderCount = orders.OrderCount + 1,
            OrderedTotal = orders.OrderedTotal + total,
            Currency = orders.Currency ?? EventJson.String(evt.Properties, EventProperties.Currency),
            Categories = categories,
            Products = products,
        };
        return WithPurchaseTags(profile with { Orders = orders });
    }

    /// <summary>Purchase tags dated by the first and second order, so they do not depend on arrival order.</summary>
    internal static ContactProfile WithPurchaseTags(ContactProfile profile)
    {
        var next = profile.Orders.FirstOrderAt is { } first ? SetComputedTag(profile, PurchaserTag, first) : profile;
        return profile.Orders.SecondOrderAt is { } second ? SetComputedTag(next, RepeatPurchaserTag, second) : next;
    }

    /// <summary>The two earliest of up to four times (the order stats' first and second order).</summary>
    internal static (DateTimeOffset? First, DateTimeOffset? Second) TwoEarliest(DateTimeOffset? a, DateTimeOffset? b, DateTimeOffset? c, DateTimeOffset? d)
    {
        var sorted = new[] { a, b, c, d }.OfType<DateTimeOffset>().Order().ToArray();
        return (sorted.Length > 0 ? sorted[0] : null, sorted.Length > 1 ? sorted[1] : null);
    }

    private static ContactProfile SetComputedTag(ContactProfile profile, string name, DateTimeOffset at) =>
        profile.Tags.TryGetValue(name, out var existing) && (existing.Source != TagSource.Computed || existing.AddedAt == at)
            ? profile
            : profile with { Tags = profile.Tags.SetItem(name, new ProfileTag(name, TagSource.Computed, at)) };

    private static ContactProfile ApplyRefund(ContactProfile profile, CanonicalEvent evt)
    {
        var amount = EventJson.Decimal(evt.Properties, EventProperties.RefundAmount) ?? 0m;
        return amount <= 0 ? profile : profile with { Orders = profile.Orders with { RefundedTotal = profile.Orders.RefundedTotal + amount } };
    }

    /// <summary>Adds a computed tag, keeping the earliest time it applied (so replays in any order agree).</summary>
    private static ContactProfile AddComputedTag(ContactProfile profile, string name, DateTimeOffset at)
    {
        if (profile.Tags.TryGetValue(name, out var existing) && (existing.Source != TagSource.Computed || existing.AddedAt <= at))
        {
            return profile;
        }

        return profile with { Tags = profile.Tags.SetItem(name, new ProfileTag(name, TagSource.Computed, at)) };
    }
}
