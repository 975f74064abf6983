using Nurture.Core.Metrics.Scoring;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Scoring;

public sealed class ScoringModelTests
{
    [Fact]
    public void Build_FiveBuyers_MeasuresCutsPerShop()
    {
        var model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);

        Assert.Equal(5, model.Buyers);
        Assert.Equal(new QuintileCuts(2m, 10m, 30m, 60m), model.RecencyDays);
        Assert.Equal(new QuintileCuts(1m, 1m, 2m, 3m), model.Frequency);
        Assert.Equal(new QuintileCuts(50m, 80m, 120m, 300m), model.Monetary);
        Assert.Equal(new QuintileCuts(50m, 60m, 80m, 100m), model.AverageOrderValue);
    }

    [Fact]
    public void Build_EnoughRepeatBuyers_DerivesThresholdsFromTheMedianGap()
    {
        // Mean gaps 20, 20, 20 days → C = 20 days; dormant 2 × C, churned 4 × C.
        var model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);

        Assert.Equal(CycleSource.Measured, model.Lifecycle.Source);
        Assert.Equal(TimeSpan.FromDays(20), model.Lifecycle.PurchaseCycle);
        Assert.Equal(TimeSpan.FromDays(40), model.Lifecycle.DormantAfter);
        Assert.Equal(TimeSpan.FromDays(80), model.Lifecycle.ChurnedAfter);
    }

    [Fact]
    public void Build_EvenNumberOfGaps_TakesTheMeanOfTheMiddleTwo()
    {
        // Mean gaps 10, 20, 30, 40 days → median 25.
        var buyers = new[] { Buyer("a", 2, 10, 0, 1m), Buyer("b", 2, 20, 0, 1m), Buyer("c", 3, 60, 0, 1m), Buyer("d", 2, 40, 0, 1m) };

        var model = ScoringModel.Build(buyers, T0, ScoreSettings);

        Assert.Equal(TimeSpan.FromDays(25), model.Lifecycle.PurchaseCycle);
    }

    [Fact]
    public void Build_TooFewRepeatBuyers_FallsBackToTheSetting()
    {
        var model = ScoringModel.Build(FiveBuyers, T0, new ScoringSettings());

        Assert.Equal(CycleSource.Fallback, model.Lifecycle.Source);
        Assert.Equal(TimeSpan.FromDays(60), model.Lifecycle.PurchaseCycle);
        Assert.Equal(TimeSpan.FromDays(120), model.Lifecycle.DormantAfter);
        Assert.Equal(TimeSpan.FromDays(240), model.Lifecycle.ChurnedAfter);
    }

    [Fact]
    public void Build_VeryShortGaps_AreRaisedToTheMinimumCycle()
    {
        var buyers = new[] { Buyer("a", 2, 1, 0, 1m), Buyer("b", 2, 2, 0, 1m), Buyer("c", 2, 3, 0, 1m) };

        var model = ScoringModel.Build(buyers, T0, ScoreSettings);

        Assert.Equal(TimeSpan.FromDays(7), model.Lifecycle.PurchaseCycle);
    }

    [Fact]
    public void Build_FixedThresholds_OverrideTheCycle()
    {
        var settings = new ScoringSettings { MinimumRepeatBuyers = 3, DormantAfter = TimeSpan.FromDays(90), ChurnedAfter = TimeSpan.FromDays(365) };

        var model = ScoringModel.Build(FiveBuyers, T0, settings);

        Assert.Equal(TimeSpan.FromDays(90), model.Lifecycle.DormantAfter);
        Assert.Equal(TimeSpan.FromDays(365), model.Lifecycle.ChurnedAfter);
    }

    [Fact]
    public void Build_SameContactTwice_IsRejected() =>
        Assert.Throws<ArgumentException>(() => ScoringModel.Build([FiveBuyers[0], FiveBuyers[0]], T0, ScoreSettings));

    [Fact]
    public void Build_NoBuyers_HasNoCuts()
    {
        var model = ScoringModel.Build([new CustomerSummary("p", 0, null, null, 0m)], T0, ScoreSettings);

        Assert.Equal(0, model.Buyers);
        Assert.Null(model.RecencyDays);
    }

    [Fact]
    public void IsStale_AfterTheMaximumAge()
    {
        var model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);

        Assert.False(model.IsStale(T0.AddDays(7).AddTicks(-1), ScoreSettings));
        Assert.True(model.IsStale(T0.AddDays(7), ScoreSettings));
    }

    [Fact]
    public void Settings_ChurnedNotAfterDormant_NamesTheSetting()
    {
        var settings = new ScoringSettings { DormantAfterCycles = 3, ChurnedAfterCycles = 2 };

        var error = Assert.Throws<ArgumentException>(() => ScoringModel.Build(FiveBuyers, T0, settings));

        Assert.Contains("Metrics:Scoring:DormantAfterCycles", error.Message, StringComparison.Ordinal);
    }
}
