namespace Nurture.Core.Metrics.Scoring;

/// <summary>Lifecycle thresholds and model refresh; bound from <c>Metrics:Scoring</c>.</summary>
/// <remarks>
/// By default the thresholds follow the shop's own purchase cycle C (the median of repeat buyers' mean gaps
/// between purchases): dormant after <see cref="DormantAfterCycles"/> × C without a purchase, churned after
/// <see cref="ChurnedAfterCycles"/> × C. Set <see cref="DormantAfter"/> / <see cref="ChurnedAfter"/> to fix them instead.
/// </remarks>
public sealed class ScoringSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics:Scoring";

    /// <summary>A fixed purchase cycle instead of the measured one; null to measure. Default null.</summary>
    public TimeSpan? PurchaseCycle { get; set; }

    /// <summary>The cycle used while fewer than <see cref="MinimumRepeatBuyers"/> repeat buyers exist. Default 60 days.</summary>
    public TimeSpan FallbackPurchaseCycle { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Repeat buyers needed before the measured cycle is trusted. Default 20.</summary>
    public int MinimumRepeatBuyers { get; set; } = 20;

    /// <summary>The measured cycle is raised to at least this. Default 7 days.</summary>
    public TimeSpan MinimumPurchaseCycle { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The measured cycle is lowered to at most this. Default 365 days.</summary>
    public TimeSpan MaximumPurchaseCycle { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Dormant after this many cycles without a purchase. Default 2.</summary>
    public double DormantAfterCycles { get; set; } = 2;

    /// <summary>Churned after this many cycles without a purchase. Default 4.</summary>
    public double ChurnedAfterCycles { get; set; } = 4;

    /// <summary>A fixed dormant threshold instead of cycles; null for cycles. Default null.</summary>
    public TimeSpan? DormantAfter { get; set; }

    /// <summary>A fixed churned threshold instead of cycles; null for cycles. Default null.</summary>
    public TimeSpan? ChurnedAfter { get; set; }

    /// <summary>Purchases from which a recent buyer is loyal rather than active. Default 3.</summary>
    public int LoyalMinimumPurchases { get; set; } = 3;

    /// <summary>
    /// How many gaps' worth of weight the shop cycle gets in a contact's own cycle (shrinkage toward the shop
    /// for contacts with few purchases). Default 2.
    /// </summary>
    public double CycleShrinkage { get; set; } = 2;

    /// <summary>How old the scoring model may get before it is rebuilt from every contact (and everyone rescored). Default 7 days.</summary>
    public TimeSpan ModelMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Positive(problems, nameof(FallbackPurchaseCycle), FallbackPurchaseCycle);
        Positive(problems, nameof(MinimumPurchaseCycle), MinimumPurchaseCycle);
        Positive(problems, nameof(ModelMaxAge), ModelMaxAge);
        if (PurchaseCycle is { } cycle)
        {
            Positive(problems, nameof(PurchaseCycle), cycle);
        }

        if (MaximumPurchaseCycle < MinimumPurchaseCycle)
        {
            problems.Add($"{SectionName}:{nameof(MaximumPurchaseCycle)} must not be below {nameof(MinimumPurchaseCycle)}.");
        }

        if (MinimumRepeatBuyers < 1)
        {
            problems.Add($"{SectionName}:{nameof(MinimumRepeatBuyers)} must be at least 1.");
        }

        if (!(DormantAfterCycles > 0) || !(ChurnedAfterCycles > DormantAfterCycles))
        {
            problems.Add($"{SectionName}:{nameof(DormantAfterCycles)} must be positive and {nameof(ChurnedAfterCycles)} larger.");
        }

        if (DormantAfter is { } dormant && (dormant <= TimeSpan.Zero || (ChurnedAfter is { } churned && churned <= dormant)))
        {
            problems.Add($"{SectionName}:{nameof(DormantAfter)} must be positive and {nameof(ChurnedAfter)} longer.");
        }

        if (ChurnedAfter is { } churnedAfter && churnedAfter <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(ChurnedAfter)} must be positive.");
        }

        if (LoyalMinimumPurchases < 2)
        {
            problems.Add($"{SectionName}:{nameof(LoyalMinimumPurchases)} must be at least 2.");
        }

        if (!(CycleShrinkage >= 0))
        {
            problems.Add($"{SectionName}:{nameof(CycleShrinkage)} must not be negative.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid() => SettingsGuard.ThrowIfAny(Problems(), nameof(ScoringSettings));

    private static void Positive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{name} must be positive.");
        }
    }
}
