using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Portrait;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Portrait;

public sealed class InterestProfileTests
{
    private static readonly PortraitSettings Settings = new();

    private static readonly InterestSignal[] Signals =
    [
        new("s1", InterestKind.Category, "Shoes", InterestAction.Purchased, T0.AddDays(-30)), // 5 · ½ = 2.5
        new("s2", InterestKind.Category, "shoes ", InterestAction.Viewed, T0),                 // + 1 → 3.5
        new("s3", InterestKind.Category, "Hats", InterestAction.Viewed, T0),                   // 1 < 2: not an interest
        new("s4", InterestKind.Category, "Bags", InterestAction.AddedToCart, T0),              // 3
        new("s5", InterestKind.Category, "Socks", InterestAction.AddedToCart, T0),             // 3, tie: after bags
        new("s6", InterestKind.Category, "Belts", InterestAction.Purchased, T0.AddDays(-200)), // outside the 180-day lookback
        new("s7", InterestKind.Product, "p1", InterestAction.Purchased, T0.AddDays(-60)),      // 5 · ¼ = 1.25 < 2
        new("s8", InterestKind.Product, "p2", InterestAction.AddedToCart, T0.AddDays(-1)),     // 3 · 2^(−1/30) = 2.9312
    ];

    [Fact]
    public void Compute_RanksDecayedScoresAndDropsWeakOnes()
    {
        var profile = InterestProfile.Compute(Signals, T0, Settings);

        Assert.Equal(["shoes", "bags", "socks"], profile.Categories.Select(c => c.Value));
        Assert.Equal(3.5, profile.Categories[0].Score, 4);
        Assert.Equal(["p2"], profile.Products.Select(p => p.Value));
        Assert.Equal(3 * Math.Pow(0.5, 1.0 / 30), profile.Products[0].Score, 4);
    }

    [Fact]
    public void Compute_StableUntilTheWeakestInterestDecaysBelowTheMinimum()
    {
        // p2 falls below 2 when 3 · 2^(−(1 + d)/30) = 2, i.e. d = 30 · log2(1.5) − 1 = 16.5489 days after T0.
        var profile = InterestProfile.Compute(Signals, T0, Settings);

        var expected = T0.AddDays((30 * Math.Log2(1.5)) - 1);
        Assert.InRange(profile.StableUntil!.Value, expected.AddSeconds(-1), expected.AddSeconds(1));
    }

    [Fact]
    public void Compute_InAnyOrder_GivesTheSameProfile()
    {
        var forward = InterestProfile.Compute(Signals, T0, Settings);
        var backward = InterestProfile.Compute(Signals.Reverse(), T0, Settings);

        Assert.Equal(forward.Categories, backward.Categories);
        Assert.Equal(forward.Products, backward.Products);
        Assert.Equal(forward.StableUntil, backward.StableUntil);
    }

    [Fact]
    public void Compute_SignalsAfterTheTime_AreIgnored() =>
        Assert.Same(InterestProfile.None, InterestProfile.Compute([new("x", InterestKind.Product, "p", InterestAction.Purchased, T0.AddTicks(1))], T0, Settings));
}
