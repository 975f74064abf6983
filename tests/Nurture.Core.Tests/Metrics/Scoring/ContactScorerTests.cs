using Nurture.Core.Metrics.Scoring;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Scoring;

public sealed class ContactScorerTests
{
    private static readonly ScoringModel Model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);

    // Cuts: recency days 2, 10, 30, 60; purchases 1, 1, 2, 3; revenue 50, 80, 120, 300; AOV 50, 60, 80, 100.
    [Theory]
    [InlineData("c1", 5, 5, 5, RfmSegment.Champions)]
    [InlineData("c2", 4, 4, 4, RfmSegment.Champions)]
    [InlineData("c3", 3, 3, 3, RfmSegment.NeedAttention)]
    [InlineData("c4", 2, 1, 2, RfmSegment.AboutToSleep)]
    [InlineData("c5", 1, 1, 1, RfmSegment.Lost)]
    public void Score_FiveBuyers_GetsHandComputedRfm(string id, int r, int f, int m, RfmSegment segment)
    {
        var score = Score(id, T0);

        Assert.Equal(new RfmScore(r, f, m), score.Rfm);
        Assert.Equal(segment, score.Segment);
    }

    [Theory]
    [InlineData("c1", LifecycleStage.Loyal)]
    [InlineData("c2", LifecycleStage.Loyal)]
    [InlineData("c3", LifecycleStage.Active)]
    [InlineData("c4", LifecycleStage.Dormant)]
    [InlineData("c5", LifecycleStage.Churned)]
    public void Score_FiveBuyers_GetsTheStageOfItsRecencyAndPurchases(string id, LifecycleStage stage) =>
        Assert.Equal(stage, Score(id, T0).Stage);

    [Theory]
    [InlineData("c1", SpendingPower.High, ValueTier.High)]
    [InlineData("c2", SpendingPower.High, ValueTier.Medium)]
    [InlineData("c3", SpendingPower.Medium, ValueTier.Medium)]
    [InlineData("c4", SpendingPower.Medium, ValueTier.Low)]
    [InlineData("c5", SpendingPower.Low, ValueTier.Low)]
    public void Score_FiveBuyers_GetsSpendingPowerFromOrderValueAndMonetary(string id, SpendingPower power, ValueTier tier)
    {
        // AOV scores 4, 4, 2, 3, 1 plus monetary 5, 4, 3, 2, 1 → 9, 8, 5, 5, 2.
        var score = Score(id, T0);

        Assert.Equal(power, score.SpendingPower);
        Assert.Equal(tier, score.ValueTier);
    }

    [Fact]
    public void Lifecycle_ExactlyAtTheDormantThreshold_IsDormant()
    {
        var buyer = new CustomerSummary("x", 2, T0.AddDays(-60), T0.AddDays(-40), 10m);

        Assert.Equal(LifecycleStage.Dormant, Scored(buyer, T0).Stage);
        Assert.Equal(LifecycleStage.Active, Scored(buyer, T0.AddTicks(-1)).Stage);
    }

    [Fact]
    public void Lifecycle_ExactlyAtTheChurnedThreshold_IsChurned()
    {
        var buyer = new CustomerSummary("x", 4, T0.AddDays(-200), T0.AddDays(-80), 10m);

        Assert.Equal(LifecycleStage.Churned, Scored(buyer, T0).Stage);
        Assert.Equal(LifecycleStage.Dormant, Scored(buyer, T0.AddTicks(-1)).Stage);
        Assert.Equal(T0, Scored(buyer, T0).StageSince);
    }

    [Theory]
    [InlineData(1, LifecycleStage.New)]
    [InlineData(2, LifecycleStage.Active)]
    [InlineData(3, LifecycleStage.Loyal)]
    public void Lifecycle_RecentBuyer_IsNewActiveOrLoyalByPurchases(int purchases, LifecycleStage stage) =>
        Assert.Equal(stage, Scored(new CustomerSummary("x", purchases, T0.AddDays(-30), T0.AddDays(-1), 10m), T0).Stage);

    [Fact]
    public void Score_WithoutPurchases_IsAProspectWithNothingToAge()
    {
        var score = Scored(new CustomerSummary("p", 0, null, null, 0m), T0);

        Assert.Equal(LifecycleStage.Prospect, score.Stage);
        Assert.Null(score.Rfm);
        Assert.Null(score.RescoreAt);
    }

    [Fact]
    public void ExpectedNextOrder_ShrinksTheOwnCycleTowardTheShop()
    {
        // Purchases 0, 10 and 30 days in: two gaps of mean 15; shop cycle 20; shrinkage 2 → (2·15 + 2·20) / 4 = 17.5 days.
        var buyer = new CustomerSummary("x", 3, T0.AddDays(-30), T0, 30m);

        var score = Scored(buyer, T0);

        Assert.Equal(TimeSpan.FromDays(17.5), score.PurchaseCycle);
        Assert.Equal(T0.AddDays(17.5), score.ExpectedNextOrderAt);
        Assert.False(score.OrderOverdue);
        Assert.True(Scored(buyer, T0.AddDays(17.5)).OrderOverdue);
    }

    [Fact]
    public void ExpectedNextOrder_OneTimeBuyer_UsesTheShopCycle() =>
        Assert.Equal(T0.AddDays(-60).AddDays(20), Score("c4", T0).ExpectedNextOrderAt);

    [Fact]
    public void FromOrderStats_LeavesCancelledOrdersOut()
    {
        var stats = new Nurture.Core.Profiles.OrderStats
        {
            FirstOrderAt = T0.AddDays(-10),
            LastOrderAt = T0,
            OrderCount = 3,
            CancelledCount = 1,
            OrderedTotal = 300m,
            RefundedTotal = 50m,
        };

        Assert.Equal(new CustomerSummary("x", 2, T0.AddDays(-10), T0, 250m), CustomerSummary.FromOrderStats("x", stats));
    }

    private static ContactScore Score(string id, DateTimeOffset at) => Scored(FiveBuyers.Single(b => b.ContactId == id), at);

    private static ContactScore Scored(CustomerSummary summary, DateTimeOffset at) => ContactScorer.Score(summary, Model, at, ScoreSettings);
}
