using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Metrics;

/// <summary>The stable snake_case names of metric values, as tags, attributes and event properties carry them. Stored: never change one.</summary>
public static class MetricNames
{
    /// <summary>A lifecycle stage's name.</summary>
    public static string Of(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Prospect => "prospect",
        LifecycleStage.New => "new",
        LifecycleStage.Active => "active",
        LifecycleStage.Loyal => "loyal",
        LifecycleStage.Dormant => "dormant",
        LifecycleStage.Churned => "churned",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown lifecycle stage."),
    };

    /// <summary>An RFM segment's name.</summary>
    public static string Of(RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => "champions",
        RfmSegment.Loyal => "loyal",
        RfmSegment.PotentialLoyalists => "potential_loyalists",
        RfmSegment.NewCustomers => "new_customers",
        RfmSegment.Promising => "promising",
        RfmSegment.NeedAttention => "need_attention",
        RfmSegment.CannotLoseThem => "cannot_lose_them",
        RfmSegment.AtRisk => "at_risk",
        RfmSegment.AboutToSleep => "about_to_sleep",
        RfmSegment.Hibernating => "hibernating",
        RfmSegment.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown RFM segment."),
    };

    /// <summary>A spending-power level's name.</summary>
    public static string Of(SpendingPower level) => level switch
    {
        SpendingPower.Low => "low",
        SpendingPower.Medium => "medium",
        SpendingPower.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown spending power."),
    };

    /// <summary>A value tier's name.</summary>
    public static string Of(ValueTier tier) => tier switch
    {
        ValueTier.Low => "low",
        ValueTier.Medium => "medium",
        ValueTier.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown value tier."),
    };

    /// <summary>A part of the day's name.</summary>
    public static string Of(DayPart part) => part switch
    {
        DayPart.Night => "night",
        DayPart.Morning => "morning",
        DayPart.Afternoon => "afternoon",
        DayPart.Evening => "evening",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown part of the day."),
    };
}
