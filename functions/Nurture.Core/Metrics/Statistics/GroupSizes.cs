namespace Nurture.Core.Metrics.Statistics;

/// <summary>A number of contacts (or sends) for each side of a comparison.</summary>
/// <param name="Treatment">The treatment side.</param>
/// <param name="Baseline">The baseline side.</param>
public sealed record GroupSizes(int Treatment, int Baseline)
{
    /// <summary>Whole sizes from a fractional baseline size and the allocation ratio, rounded up.</summary>
    /// <param name="baseline">The baseline size.</param>
    /// <param name="ratio">Treatment size over baseline size.</param>
    public static GroupSizes From(double baseline, double ratio) => new(Ceiling(baseline * ratio), Ceiling(baseline));

    private static int Ceiling(double value) => value >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(value - 1e-9);
}
