namespace Nurture.Core.Metrics.Scoring;

/// <summary>
/// The 20th, 40th, 60th and 80th percentiles of a shop's values (nearest rank: the value at position
/// ⌈k·n/5⌉ of the n values sorted ascending), which split buyers into five scores.
/// </summary>
/// <remarks>
/// Scoring counts the cuts a value exceeds, so equal values always share a score; when many buyers tie
/// (one order each) some scores stay empty rather than splitting the tie arbitrarily.
/// </remarks>
/// <param name="P20">The 20th percentile.</param>
/// <param name="P40">The 40th percentile.</param>
/// <param name="P60">The 60th percentile.</param>
/// <param name="P80">The 80th percentile.</param>
public sealed record QuintileCuts(decimal P20, decimal P40, decimal P60, decimal P80)
{
    /// <summary>The cuts of a non-empty list sorted ascending.</summary>
    /// <param name="sorted">The values, smallest first.</param>
    public static QuintileCuts FromSorted(IReadOnlyList<decimal> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("Quintiles need at least one value.", nameof(sorted));
        }

        return new QuintileCuts(At(sorted, 1), At(sorted, 2), At(sorted, 3), At(sorted, 4));
    }

    /// <summary>Score where more is better: 1 + the number of cuts the value exceeds.</summary>
    /// <param name="value">The value.</param>
    public int HigherIsBetter(decimal value) => 1 + Exceeded(value);

    /// <summary>Score where less is better (days since the last purchase): 5 − the number of cuts the value exceeds.</summary>
    /// <param name="value">The value.</param>
    public int LowerIsBetter(decimal value) => 5 - Exceeded(value);

    /// <summary>The cuts in ascending order.</summary>
    public IEnumerable<decimal> All()
    {
        yield return P20;
        yield return P40;
        yield return P60;
        yield return P80;
    }

    private int Exceeded(decimal value) => (value > P20 ? 1 : 0) + (value > P40 ? 1 : 0) + (value > P60 ? 1 : 0) + (value > P80 ? 1 : 0);

    private static decimal At(IReadOnlyList<decimal> sorted, int k)
    {
        var rank = ((k * sorted.Count) + 4) / 5;
        return sorted[Math.Max(1, rank) - 1];
    }
}
