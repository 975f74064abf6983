namespace Nurture.Core.Metrics.Portrait;

/// <summary>How interest and active-time tags are computed; bound from <c>Metrics:Portrait</c>.</summary>
public sealed class PortraitSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics:Portrait";

    /// <summary>Interest halves every this long, so recent behaviour counts most. Default 30 days.</summary>
    public TimeSpan InterestHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Signals older than this are ignored. Default 180 days.</summary>
    public TimeSpan InterestLookback { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Weight of a view. Default 1.</summary>
    public double ViewWeight { get; set; } = 1;

    /// <summary>Weight of an add to cart. Default 3.</summary>
    public double AddToCartWeight { get; set; } = 3;

    /// <summary>Weight of a purchase. Default 5.</summary>
    public double PurchaseWeight { get; set; } = 5;

    /// <summary>A category or product needs at least this decayed score to be an interest. Default 2.</summary>
    public double InterestMinimumScore { get; set; } = 2;

    /// <summary>How many top categories become tags. Default 3.</summary>
    public int TopCategories { get; set; } = 3;

    /// <summary>How many top products become tags. Default 3.</summary>
    public int TopProducts { get; set; } = 3;

    /// <summary>How many of the best hours make the contact's active hours. Default 3.</summary>
    public int ActiveHours { get; set; } = 3;

    /// <summary>Hour-of-day scores summing to less than this say nothing yet. Default 1.</summary>
    public double ActiveTimeMinimumTotal { get; set; } = 1;

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (InterestHalfLife <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(InterestHalfLife)} must be positive.");
        }

        if (InterestLookback <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(InterestLookback)} must be positive.");
        }

        if (!(ViewWeight >= 0) || !(AddToCartWeight >= 0) || !(PurchaseWeight >= 0))
        {
            problems.Add($"{SectionName}: {nameof(ViewWeight)}, {nameof(AddToCartWeight)} and {nameof(PurchaseWeight)} must not be negative.");
        }

        if (!(InterestMinimumScore > 0))
        {
            problems.Add($"{SectionName}:{nameof(InterestMinimumScore)} must be positive.");
        }

        if (TopCategories < 0 || TopProducts < 0)
        {
            problems.Add($"{SectionName}: {nameof(TopCategories)} and {nameof(TopProducts)} must not be negative.");
        }

        if (ActiveHours is < 1 or > 24)
        {
            problems.Add($"{SectionName}:{nameof(ActiveHours)} must be between 1 and 24.");
        }

        if (!(ActiveTimeMinimumTotal > 0))
        {
            problems.Add($"{SectionName}:{nameof(ActiveTimeMinimumTotal)} must be positive.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid() => SettingsGuard.ThrowIfAny(Problems(), nameof(PortraitSettings));

    /// <summary>The weight of an action.</summary>
    internal double WeightOf(Facts.InterestAction action) => action switch
    {
        Facts.InterestAction.Viewed => ViewWeight,
        Facts.InterestAction.AddedToCart => AddToCartWeight,
        Facts.InterestAction.Purchased => PurchaseWeight,
        _ => 0,
    };
}
