using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Statistics;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Campaigns;

public sealed class ExperimentTests
{
    [Fact]
    public void Holdout_UpliftInterval_MatchesNewcombeAndWelchByHand()
    {
        // A: 120 of 1000 buy (50 each) within 7 days; holdout: 80 of 1000.
        // Wilson (z = 1.959964): A [0.101299, 0.141609], holdout [0.064748, 0.098466];
        // Newcombe: 0.04 − √(0.018701² + 0.018466²) = 0.013718, 0.04 + √(0.021609² + 0.015252²) = 0.066449.
        // Revenue per contact: A mean 6, s² = (120·50² − 1000·6²)/999 = 264.2643; holdout mean 4, s² = 184.1842;
        // se = √(0.2642643 + 0.1841842) = 0.669663, ν = 1936.26, t = 1.961190 → 2 ± 1.313336 = [0.686664, 3.313336].
        var split = Split(HoldoutShop(120, 80)).Single();
        var comparison = split.Comparisons.Single();

        Assert.Equal(("A", "holdout"), (comparison.Variant, comparison.Baseline));
        Assert.Equal(0.04, comparison.Conversion.Difference, 12);
        Assert.Equal(0.013718, comparison.Conversion.Interval.Low, 1e-6);
        Assert.Equal(0.066449, comparison.Conversion.Interval.High, 1e-6);
        Assert.Equal(UpliftVerdict.Better, comparison.Conversion.Verdict);
        Assert.Equal(0.5, comparison.Conversion.RelativeUplift!.Value, 12);
        Assert.Equal(2.0, comparison.RevenuePerContact.Difference, 12);
        Assert.Equal(1936.26, comparison.RevenuePerContact.DegreesOfFreedom!.Value, 2);
        Assert.Equal(0.686664, comparison.RevenuePerContact.Interval!.Value.Low, 1e-5);
        Assert.Equal(3.313336, comparison.RevenuePerContact.Interval!.Value.High, 1e-5);
        Assert.Equal([("A", 1000, 120, 6000m), ("holdout", 1000, 80, 4000m)], split.Groups.Select(g => (g.Variant, g.Contacts, g.Converted, g.Revenue)));
    }

    [Fact]
    public void Holdout_AssignmentsWhoseWindowIsOpen_ArePending()
    {
        var shop = HoldoutShop(12, 8, size: 100);
        shop.Assign("late-1", "late-1", "A", CampaignShop.AsOf.AddDays(-7).AddTicks(1));

        var split = Split(shop).Single();

        Assert.Equal(1, split.PendingAssignments);
        Assert.Equal(100, split.Groups.Single(g => g.Variant == "A").Contacts);
    }

    [Fact]
    public void Holdout_PurchaseExactlyAtTheWindowEnd_Converts()
    {
        var shop = new CampaignShop()
            .Assign("i1", "c1", "A", T0).Order("o1", "c1", T0.AddDays(7), 10m)
            .Assign("i2", "c2", "holdout", T0).Order("o2", "c2", T0.AddDays(7).AddTicks(1), 10m);

        var groups = Split(shop).Single().Groups;

        Assert.Equal([("A", 1), ("holdout", 0)], groups.Select(g => (g.Variant, g.Converted)));
    }

    [Fact]
    public void Holdout_SmallGroups_AreNotEnoughDataWithTheSampleStillNeeded()
    {
        var comparison = Split(HoldoutShop(12, 8, size: 100)).Single().Comparisons.Single();

        Assert.Equal(UpliftVerdict.NotEnoughData, comparison.Conversion.Verdict);
        Assert.True(comparison.Conversion.SampleStillNeeded!.Baseline > 0);
        Assert.Equal(UpliftVerdict.NotEnoughData, comparison.RevenuePerContact.Verdict);
    }

    [Fact]
    public void Split_TwoVariantsAndAHoldout_ComparesEachAndThePooledJourney()
    {
        var shop = new CampaignShop();
        foreach (var (variant, i) in new[] { "A", "B", "holdout" }.SelectMany(v => Enumerable.Range(0, 3).Select(i => (v, i))))
        {
            shop.Assign($"{variant}-{i}", $"{variant}-{i}", variant, T0);
        }

        var comparisons = Split(shop).Single().Comparisons;

        Assert.Equal([("A", "holdout", 3), ("B", "holdout", 3), (SplitComparison.AllVariants, "holdout", 6)], comparisons.Select(c => (c.Variant, c.Baseline, c.Conversion.Treatment.Trials)));
    }

    [Fact]
    public void Split_WithoutHoldout_ComparesWithTheFirstVariant()
    {
        var shop = new CampaignShop().Assign("i1", "c1", "A", T0).Assign("i2", "c2", "B", T0).Assign("i3", "c3", "C", T0);

        var comparisons = Split(shop).Single().Comparisons;

        Assert.Equal([("B", "A"), ("C", "A")], comparisons.Select(c => (c.Variant, c.Baseline)));
    }

    [Fact]
    public void SendTime_OptimisedAgainstFixedControl_ComparesPerSend()
    {
        var shop = new CampaignShop();
        for (var i = 0; i < 10; i++)
        {
            shop.Send($"sto-{i}", $"a{i}", T0, timing: SendTiming.Optimized).Send($"fix-{i}", $"b{i}", T0, timing: SendTiming.FixedTimeControl);
            shop.Feedback($"o-sto-{i}", FeedbackKind.Opened, T0.AddHours(1), $"sto-{i}");
            if (i < 4)
            {
                shop.Feedback($"k-sto-{i}", FeedbackKind.Clicked, T0.AddHours(1), $"sto-{i}");
            }

            if (i < 5)
            {
                shop.Feedback($"o-fix-{i}", FeedbackKind.Opened, T0.AddHours(1), $"fix-{i}");
            }
        }

        shop.Send("plain", "z", T0).Send("young", "y", CampaignShop.AsOf.AddDays(-1), timing: SendTiming.Optimized);

        var experiment = shop.Report().SendTime!;

        Assert.Equal((10, 10, 1), (experiment.OptimizedSends, experiment.ControlSends, experiment.PendingSends));
        Assert.Equal(0.5, experiment.OpenRate!.Difference, 12);
        Assert.Equal(0.4, experiment.ClickRate.Difference, 12);
        Assert.Equal(0, experiment.ConversionRate.Difference, 12);
        Assert.Equal(UpliftVerdict.NotEnoughData, experiment.OpenRate.Verdict);
        Assert.NotNull(shop.Report().Journeys.Single().SendTime);
    }

    [Fact]
    public void SendTime_NoSendInTheExperiment_IsAbsent() =>
        Assert.Null(new CampaignShop().Send("m1", "c1", T0).Report().SendTime);

    private static CampaignShop HoldoutShop(int treatmentConverted, int holdoutConverted, int size = 1000)
    {
        var shop = new CampaignShop();
        for (var i = 0; i < size; i++)
        {
            shop.Assign($"a-{i}", $"a-{i}", "A", T0).Assign($"h-{i}", $"h-{i}", "holdout", T0);
            if (i < treatmentConverted)
            {
                shop.Order($"oa-{i}", $"a-{i}", T0.AddDays(2), 50m);
            }

            if (i < holdoutConverted)
            {
                shop.Order($"oh-{i}", $"h-{i}", T0.AddDays(3), 50m);
            }
        }

        return shop;
    }

    private static IReadOnlyList<SplitExperiment> Split(CampaignShop shop) => shop.Report().Journeys.Single().Versions.Single().Splits;
}
