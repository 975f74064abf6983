using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Tests.Metrics.Statistics;

public sealed class UpliftAnalysisTests
{
    private static readonly ExperimentSettings Settings = new();

    [Fact]
    public void CompareRates_ClearlyHigher_IsBetter()
    {
        // 60/100 − 20/100: Newcombe [0.267735, 0.512464], above zero.
        var result = UpliftAnalysis.CompareRates(new(60, 100), new(20, 100), Settings);

        Assert.Equal(UpliftVerdict.Better, result.Verdict);
        Assert.Equal(0.4, result.Difference, 12);
        Assert.Equal(2.0, result.RelativeUplift!.Value, 12);
        Assert.Equal(0.267735, result.Interval.Low, 1e-6);
        Assert.Null(result.SampleStillNeeded);
    }

    [Fact]
    public void CompareRates_OneBelowTheMinimumGroupSize_IsNotEnoughData()
    {
        var atMinimum = UpliftAnalysis.CompareRates(new(60, 100), new(20, 100), Settings);
        var below = UpliftAnalysis.CompareRates(new(60, 99), new(20, 100), Settings);

        Assert.Equal(UpliftVerdict.Better, atMinimum.Verdict);
        Assert.Equal(UpliftVerdict.NotEnoughData, below.Verdict);
        Assert.True(below.Interval.IsAboveZero, "the interval alone would say better; the group size rule holds it back");
        Assert.True(below.SampleStillNeeded!.Treatment >= 1);
    }

    [Fact]
    public void CompareRates_WideInterval_IsNotEnoughDataWithThePowerSampleStillNeeded()
    {
        // 12/120 vs 10/120: Newcombe [−0.0592, 0.0931], half-width 0.076 > δ = 0.2 · 0.083333 = 0.016667.
        // Power: p0 = 0.083333, p1 = 0.1, p̄ = 0.091667:
        // (1.959964·√(p̄q̄·2) + 0.841621·√(p0q0 + p1q1))² / δ² = 4704.22 → 4705 per group, 4705 − 120 = 4585 more.
        var result = UpliftAnalysis.CompareRates(new(12, 120), new(10, 120), Settings);

        Assert.Equal(UpliftVerdict.NotEnoughData, result.Verdict);
        Assert.Equal(0.2 * 10 / 120, result.MinimumEffect, 12);
        Assert.Equal(new GroupSizes(4585, 4585), result.SampleStillNeeded);
    }

    [Fact]
    public void CompareRates_NarrowIntervalAroundZero_IsNoMeaningfulDifference()
    {
        // 10000/100000 both: half-width 0.00263 ≤ δ = 0.02.
        var result = UpliftAnalysis.CompareRates(new(10_000, 100_000), new(10_000, 100_000), Settings);

        Assert.Equal(UpliftVerdict.NoMeaningfulDifference, result.Verdict);
        Assert.Equal(0.0026297, result.Interval.High, 1e-6);
    }

    [Fact]
    public void CompareRates_ZeroBaseline_UsesTheAbsoluteMinimumEffect()
    {
        var result = UpliftAnalysis.CompareRates(new(0, 150), new(0, 150), Settings);

        Assert.Equal(Settings.MinimumRateEffect, result.MinimumEffect, 12);
        Assert.Null(result.RelativeUplift);
        Assert.Equal(UpliftVerdict.NotEnoughData, result.Verdict);
        Assert.True(result.SampleStillNeeded!.Baseline > 0);
    }

    [Fact]
    public void CompareMeans_NoAmountVariesYet_IsNotEnoughDataWithoutASize()
    {
        var zeros = MeanSample.Of(Enumerable.Repeat(0m, 200));

        var result = UpliftAnalysis.CompareMeans(zeros, zeros, Settings);

        Assert.Equal(UpliftVerdict.NotEnoughData, result.Verdict);
        Assert.Null(result.SampleStillNeeded);
    }

    [Fact]
    public void CompareMeans_ClearlyHigher_IsBetter()
    {
        var treatment = MeanSample.Of(Enumerable.Range(0, 200).Select(i => 10m + (i % 5)));
        var baseline = MeanSample.Of(Enumerable.Range(0, 200).Select(i => 5m + (i % 5)));

        var result = UpliftAnalysis.CompareMeans(treatment, baseline, Settings);

        Assert.Equal(UpliftVerdict.Better, result.Verdict);
        Assert.Equal(5, result.Difference, 12);
        Assert.Equal(5.0 / 7, result.RelativeUplift!.Value, 12);
    }

    [Fact]
    public void Settings_OutOfRange_NameTheSetting()
    {
        var settings = new ExperimentSettings { ConfidenceLevel = 1.2, MinimumGroupSize = 0 };

        var error = Assert.Throws<ArgumentException>(() => UpliftAnalysis.CompareRates(new(1, 2), new(1, 2), settings));

        Assert.Contains("Metrics:Experiments:ConfidenceLevel", error.Message, StringComparison.Ordinal);
        Assert.Contains("Metrics:Experiments:MinimumGroupSize", error.Message, StringComparison.Ordinal);
    }
}
