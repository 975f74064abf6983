using System.Collections.Immutable;

namespace Nurture.Core.Profiles;

/// <summary>What a contact has bought.</summary>
/// <remarks>
/// Amounts are summed as reported, in the shop's currency (<see cref="Currency"/> is the first seen); Nurture
/// assumes one currency per shop and does not convert.
/// </remarks>
public sealed record OrderStats
{
    /// <summary>No orders.</summary>
    public static OrderStats None { get; } = new();

    /// <summary>The earliest order's time.</summary>
    public DateTimeOffset? FirstOrderAt { get; init; }

    /// <summary>The second-earliest order's time (when the contact became a repeat buyer); the two smallest of a set commute.</summary>
    public DateTimeOffset? SecondOrderAt { get; init; }

    /// <summary>The latest order's time (a maximum, so late deliveries cannot move it back).</summary>
    public DateTimeOffset? LastOrderAt { get; init; }

    /// <summary>Orders placed.</summary>
    public int OrderCount { get; init; }

    /// <summary>Orders cancelled.</summary>
    public int CancelledCount { get; init; }

    /// <summary>The sum of placed orders' totals.</summary>
    public decimal OrderedTotal { get; init; }

    /// <summary>The sum of refunds.</summary>
    public decimal RefundedTotal { get; init; }

    /// <summary>The currency of the amounts.</summary>
    public string? Currency { get; init; }

    /// <summary>Categories (product types) bought.</summary>
    public ImmutableSortedSet<string> Categories { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Product ids bought.</summary>
    public ImmutableSortedSet<string> Products { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Ordered minus refunded.</summary>
    public decimal TotalSpent => OrderedTotal - RefundedTotal;

    /// <summary>Average order value (ordered total over order count); zero without orders.</summary>
    public decimal AverageOrderValue => OrderCount == 0 ? 0m : decimal.Round(OrderedTotal / OrderCount, 2, MidpointRounding.ToEven);
}
