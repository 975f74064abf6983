using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Tests.Metrics.Statistics;

public sealed class SampleSizeTests
{
    [Fact]
    public void ForProportions_TenToTwelvePercent_NeedsTheTextbookSize()
    {
        // p0 = 0.10, p1 = 0.12, p̄ = 0.11: (1.959964·√(0.11·0.89·2) + 0.841621·√(0.09 + 0.1056))² / 0.02²
        // = (0.867270 + 0.372222)² / 0.0004 = 3840.85 → 3841 per group.
        var sizes = SampleSize.ForProportions(0.10, 0.02, 1, 0.95, 0.8);

        Assert.Equal(new GroupSizes(3841, 3841), sizes);
    }

    [Fact]
    public void ForProportions_WithATenPercentHoldout_ScalesTheTreatmentByTheRatio()
    {
        var sizes = SampleSize.ForProportions(0.10, 0.02, 9, 0.95, 0.8);

        Assert.True(sizes.Baseline < 3841, "a larger treatment side needs a smaller holdout than equal groups");
        Assert.InRange(sizes.Treatment, (9 * sizes.Baseline) - 9, 9 * sizes.Baseline);
    }

    [Fact]
    public void ForMeans_EqualVariances_MatchesTheFormula()
    {
        // (1.959964 + 0.841621)² · (100 + 100) / 2² = 7.848880 · 50 = 392.44 → 393.
        Assert.Equal(new GroupSizes(393, 393), SampleSize.ForMeans(100, 100, 2, 1, 0.95, 0.8));
    }
}
