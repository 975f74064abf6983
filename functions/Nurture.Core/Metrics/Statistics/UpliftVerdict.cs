namespace Nurture.Core.Metrics.Statistics;

/// <summary>What a comparison can say so far. Stored by name: never rename a member.</summary>
public enum UpliftVerdict
{
    /// <summary>The groups are too small or the interval is wider than the smallest effect worth detecting; see the sample still needed.</summary>
    NotEnoughData,

    /// <summary>The interval lies entirely above zero: the treatment does better.</summary>
    Better,

    /// <summary>The interval lies entirely below zero: the treatment does worse.</summary>
    Worse,

    /// <summary>The interval contains zero and is narrower than the smallest effect worth detecting: any difference is too small to matter.</summary>
    NoMeaningfulDifference,
}
