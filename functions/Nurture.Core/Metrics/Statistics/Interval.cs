namespace Nurture.Core.Metrics.Statistics;

/// <summary>A two-sided confidence interval.</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>Half the width: how far the estimate may be off either way.</summary>
    public double HalfWidth => (High - Low) / 2;

    /// <summary>Whether the interval lies entirely above zero.</summary>
    public bool IsAboveZero => Low > 0;

    /// <summary>Whether the interval lies entirely below zero.</summary>
    public bool IsBelowZero => High < 0;
}
