namespace Nurture.Core.Metrics.Portrait;

/// <summary>
/// The computed tags the portrait sets. Each family has a prefix, so the portrait knows which tags are its
/// own to replace and never touches manual, platform or other computed tags. Stored: never rename one.
/// </summary>
public static class PortraitTags
{
    /// <summary>Prefix of <c>lifecycle_new</c>, <c>lifecycle_loyal</c>, ...</summary>
    public const string LifecyclePrefix = "lifecycle_";

    /// <summary>Prefix of <c>rfm_champions</c>, <c>rfm_at_risk</c>, ...</summary>
    public const string RfmPrefix = "rfm_";

    /// <summary>Prefix of <c>spending_power_high</c>, ...</summary>
    public const string SpendingPowerPrefix = "spending_power_";

    /// <summary>Prefix of <c>value_high</c>, ...</summary>
    public const string ValuePrefix = "value_";

    /// <summary>Prefix of <c>active_evening</c>, ...</summary>
    public const string ActivePrefix = "active_";

    /// <summary>Prefix of <c>interest:running shoes</c> (a category, lowercased).</summary>
    public const string InterestPrefix = "interest:";

    /// <summary>Prefix of <c>interest_product:632910392</c> (a product id).</summary>
    public const string InterestProductPrefix = "interest_product:";

    /// <summary>The expected next order's time has passed.</summary>
    public const string OrderOverdue = "order_overdue";

    private static readonly string[] Prefixes = [LifecyclePrefix, RfmPrefix, SpendingPowerPrefix, ValuePrefix, ActivePrefix, InterestPrefix, InterestProductPrefix];

    /// <summary>Whether the portrait owns a tag (and so replaces it on every run).</summary>
    /// <param name="tag">A tag name.</param>
    public static bool IsPortraitTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag == OrderOverdue)
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (tag.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
