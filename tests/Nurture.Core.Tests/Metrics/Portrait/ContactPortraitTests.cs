using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Metrics.Scoring;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Portrait;

public sealed class ContactPortraitTests
{
    private static readonly ScoringModel Model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);

    [Fact]
    public void Compose_Champion_CarriesEveryTagFamilyAndConditionAttributes()
    {
        var score = ContactScorer.Score(FiveBuyers[0], Model, T0, ScoreSettings);
        var interests = InterestProfile.Compute([new InterestSignal("s", InterestKind.Category, "Running Shoes", InterestAction.Purchased, T0)], T0, new PortraitSettings());
        var hours = new double[24];
        hours[20] = 3;

        var portrait = ContactPortrait.Compose(score, interests, ActiveTime.FromHourOfDay(hours, new PortraitSettings()));

        Assert.Equal(
            ["active_evening", "interest:running shoes", "lifecycle_loyal", "rfm_champions", "spending_power_high", "value_high"],
            portrait.Tags);
        Assert.Equal("loyal", portrait.Attributes[PortraitAttributes.LifecycleStage]);
        Assert.Equal("555", portrait.Attributes[PortraitAttributes.RfmCode]);
        Assert.Equal("champions", portrait.Attributes[PortraitAttributes.RfmSegment]);
        Assert.Equal("20", portrait.Attributes[PortraitAttributes.PurchaseCycleDays]);
        Assert.Equal("2025-04-18T12:00:00Z", portrait.Attributes[PortraitAttributes.ExpectedNextOrderAt]);
        Assert.Equal("20", portrait.Attributes[PortraitAttributes.ActiveHours]);
        Assert.All(portrait.Tags, tag => Assert.True(PortraitTags.IsPortraitTag(tag), tag));
        Assert.All(portrait.Attributes.Keys, name => Assert.Contains(name, PortraitAttributes.All));
    }

    [Fact]
    public void Compose_OverdueOneTimeBuyer_IsTaggedOverdue()
    {
        var portrait = ContactPortrait.Compose(ContactScorer.Score(FiveBuyers[3], Model, T0, ScoreSettings));

        Assert.Contains(PortraitTags.OrderOverdue, portrait.Tags);
        Assert.Contains("lifecycle_dormant", portrait.Tags);
        Assert.Contains("rfm_about_to_sleep", portrait.Tags);
    }

    [Fact]
    public void Compose_RescoreAt_IsTheEarlierOfScoresAndInterests()
    {
        var score = ContactScorer.Score(FiveBuyers[0], Model, T0, ScoreSettings);
        var interests = new InterestProfile([new RankedInterest("x", 3)], [], T0.AddHours(1));

        Assert.Equal(T0.AddHours(1), ContactPortrait.Compose(score, interests).RescoreAt);
        Assert.Equal(score.RescoreAt, ContactPortrait.Compose(score).RescoreAt);
    }

    [Theory]
    [InlineData("lifecycle_new", true)]
    [InlineData("rfm_at_risk", true)]
    [InlineData("interest:hats", true)]
    [InlineData("order_overdue", true)]
    [InlineData("purchaser", false)]
    [InlineData("vip", false)]
    public void IsPortraitTag_OwnsOnlyItsFamilies(string tag, bool owned) =>
        Assert.Equal(owned, PortraitTags.IsPortraitTag(tag));
}
