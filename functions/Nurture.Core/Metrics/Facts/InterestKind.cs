namespace Nurture.Core.Metrics.Facts;

/// <summary>What an interest signal names. Stored by name: never rename a member.</summary>
public enum InterestKind
{
    /// <summary>A product category (product type).</summary>
    Category,

    /// <summary>A product id.</summary>
    Product,
}
