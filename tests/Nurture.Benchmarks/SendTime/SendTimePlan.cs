namespace Nurture.Benchmarks.SendTime;

/// <summary>How much the send-time suite runs: which seeds, how many contacts, how long the decision-cost loop lasts.</summary>
/// <param name="Seeds">The report seeds (never used for tuning; the defaults were tuned on <see cref="TuningSeeds"/>).</param>
/// <param name="Contacts">Contacts per seed.</param>
/// <param name="CostSeconds">How long the one-thread decision loop runs.</param>
public sealed record SendTimePlan(IReadOnlyList<int> Seeds, int Contacts, double CostSeconds)
{
    /// <summary>The seeds the model's defaults were tuned on; reports use others.</summary>
    public static readonly IReadOnlyList<int> TuningSeeds = [1, 2, 3];

    /// <summary>The full run: three report seeds of 6,000 contacts.</summary>
    public static SendTimePlan Full { get; } = new([101, 102, 103], 6_000, 3);

    /// <summary>The quick run: one report seed of 1,500 contacts.</summary>
    public static SendTimePlan Quick { get; } = new([101], 1_500, 0.5);
}
