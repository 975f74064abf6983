namespace Nurture.Core.Metrics.Facts;

/// <summary>What the contact did with a product or category. Stored by name: never rename a member.</summary>
public enum InterestAction
{
    /// <summary>Viewed it.</summary>
    Viewed,

    /// <summary>Added it to the cart.</summary>
    AddedToCart,

    /// <summary>Bought it.</summary>
    Purchased,
}
