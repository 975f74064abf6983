namespace Nurture.Core.Metrics.Portrait;

/// <summary>
/// The profile attribute names the portrait writes. Journey conditions read them as
/// <c>contact.attributes.NAME</c>; numbers are invariant text and times ISO 8601, which conditions compare
/// as numbers and timestamps. Stored: never rename one.
/// </summary>
public static class PortraitAttributes
{
#pragma warning disable CS1591 // The README's table describes each.
    public const string LifecycleStage = "lifecycle_stage";
    public const string LifecycleStageSince = "lifecycle_stage_since";
    public const string RfmRecency = "rfm_recency";
    public const string RfmFrequency = "rfm_frequency";
    public const string RfmMonetary = "rfm_monetary";
    public const string RfmCode = "rfm_code";
    public const string RfmSegment = "rfm_segment";
    public const string PurchaseCycleDays = "purchase_cycle_days";
    public const string ExpectedNextOrderAt = "expected_next_order_at";
    public const string SpendingPower = "spending_power";
    public const string ValueTier = "value_tier";
    public const string ActiveHours = "active_hours";
    public const string ActiveDayPart = "active_day_part";
    public const string TopCategories = "top_categories";
    public const string TopProducts = "top_products";
#pragma warning restore CS1591

    /// <summary>Every name above: attributes the portrait owns (and removes when a value no longer applies).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LifecycleStage, LifecycleStageSince, RfmRecency, RfmFrequency, RfmMonetary, RfmCode, RfmSegment, PurchaseCycleDays,
        ExpectedNextOrderAt, SpendingPower, ValueTier, ActiveHours, ActiveDayPart, TopCategories, TopProducts,
    ];
}
