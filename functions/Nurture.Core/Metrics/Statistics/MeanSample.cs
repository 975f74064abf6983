namespace Nurture.Core.Metrics.Statistics;

/// <summary>
/// A sample of amounts (revenue per contact) kept as count, sum and sum of squares, so groups can be summed
/// in any order with exact decimal arithmetic.
/// </summary>
/// <param name="Count">How many values.</param>
/// <param name="Sum">Their sum.</param>
/// <param name="SumOfSquares">The sum of their squares.</param>
public readonly record struct MeanSample(int Count, decimal Sum, decimal SumOfSquares)
{
    /// <summary>The mean; zero when empty.</summary>
    public double Mean => Count == 0 ? 0 : (double)(Sum / Count);

    /// <summary>The sample variance (n − 1 in the denominator); zero with fewer than two values.</summary>
    public double Variance => Count < 2 ? 0 : Math.Max(0, (double)((SumOfSquares - (Sum * Sum / Count)) / (Count - 1)));

    /// <summary>This sample with one more value.</summary>
    /// <param name="value">The value.</param>
    public MeanSample Add(decimal value) => new(Count + 1, Sum + value, SumOfSquares + (value * value));

    /// <summary>A sample from a list of values.</summary>
    /// <param name="values">The values.</param>
    public static MeanSample Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sample = default(MeanSample);
        foreach (var value in values)
        {
            sample = sample.Add(value);
        }

        return sample;
    }
}
