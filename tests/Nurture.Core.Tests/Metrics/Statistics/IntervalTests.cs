using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Tests.Metrics.Statistics;

public sealed class IntervalTests
{
    private const double Z = 1.959963984540054;

    [Fact]
    public void Wilson_TenOfAHundred_MatchesTheFormula()
    {
        // p = 0.1, n = 100, z² = 3.841459: centre = (0.1 + z²/200) / (1 + z²/100) = 0.114797,
        // half = z / (1 + z²/100) · √(0.0009 + z²/40000) = 0.059568 → [0.055229, 0.174366].
        var interval = ProportionIntervals.Wilson(new ProportionSample(10, 100), Z);

        Assert.Equal(0.055229, interval.Low, 1e-6);
        Assert.Equal(0.174366, interval.High, 1e-6);
    }

    [Fact]
    public void Wilson_WithoutTrials_IsTheWholeRange() =>
        Assert.Equal(new Interval(0, 1), ProportionIntervals.Wilson(new ProportionSample(0, 0), Z));

    [Fact]
    public void Wilson_MoreSuccessesThanTrials_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Wilson(new ProportionSample(3, 2), Z));

    [Fact]
    public void Newcombe_PaperExample_MatchesPublishedInterval()
    {
        // Newcombe (1998), example (a): 56/70 − 48/80 = 0.2; method 10 gives 0.0524 to 0.3339.
        var interval = ProportionIntervals.NewcombeDifference(new ProportionSample(56, 70), new ProportionSample(48, 80), Z);

        Assert.Equal(0.0524, interval.Low, 1e-4);
        Assert.Equal(0.3339, interval.High, 1e-4);
    }

    [Fact]
    public void Welch_SmallSamples_MatchesTheFormula()
    {
        // Treatment 1..5: mean 3, s² 2.5; baseline 2, 4, 6: mean 4, s² 4. se = √(2.5/5 + 4/3) = 1.354006;
        // ν = 1.833333² / (0.5²/4 + 1.333333²/2) = 3.532847; t(0.975, ν) = 2.927405; d = −1 ± 3.963726.
        var treatment = MeanSample.Of([1m, 2m, 3m, 4m, 5m]);
        var baseline = MeanSample.Of([2m, 4m, 6m]);

        var interval = WelchInterval.Difference(treatment, baseline, 0.95, out var df);

        Assert.Equal(3.532847, df, 1e-6);
        Assert.Equal(-4.963726, interval!.Value.Low, 1e-5);
        Assert.Equal(2.963726, interval.Value.High, 1e-5);
    }

    [Fact]
    public void Welch_WithASingleValue_HasNoInterval() =>
        Assert.Null(WelchInterval.Difference(MeanSample.Of([1m]), MeanSample.Of([1m, 2m]), 0.95, out _));

    [Fact]
    public void MeanSample_VarianceUsesNMinusOne()
    {
        var sample = MeanSample.Of([2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m]);

        Assert.Equal(5, sample.Mean, 12);
        Assert.Equal(32.0 / 7, sample.Variance, 12);
    }
}
