using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Retention;
using Nurture.Core.Metrics.Scoring;
using Nurture.Core.Tests.Metrics.Campaigns;
using Nurture.Core.Tests.Metrics.Retention;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics;

public sealed class MetricsJsonTests
{
    [Fact]
    public void ScoreAndModel_RoundTripForStorage()
    {
        var model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);
        var score = ContactScorer.Score(FiveBuyers[2], model, T0, ScoreSettings);

        Assert.Equal(model, MetricsJson.Deserialize<ScoringModel>(MetricsJson.Serialize(model)));
        Assert.Equal(score, MetricsJson.Deserialize<ContactScore>(MetricsJson.Serialize(score)));
        Assert.Contains("\"stage\":\"active\"", MetricsJson.Serialize(score), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_RoundTripForStorage()
    {
        var retention = RetentionCalculator.Compute(RetentionShop.Build(), T0, new RetentionSettings { ChurnWindow = TimeSpan.FromDays(30) }, RetentionShop.Thresholds);
        var campaign = new CampaignShop()
            .Assign("i1", "c1", "A", T0).Assign("i2", "c2", "holdout", T0)
            .Send("m1", "c1", T0, variant: "A", timing: SendTiming.Optimized).Feedback("f1", FeedbackKind.Clicked, T0, "m1").Order("o1", "c1", T0.AddHours(1), 5m)
            .Report(costs: new CampaignCosts { PerEmail = 0.01m });

        var retentionJson = MetricsJson.Serialize(retention);
        var campaignJson = MetricsJson.Serialize(campaign);

        Assert.Equal(retentionJson, MetricsJson.Serialize(MetricsJson.Deserialize<RetentionReport>(retentionJson)));
        Assert.Equal(campaignJson, MetricsJson.Serialize(MetricsJson.Deserialize<CampaignReport>(campaignJson)));
        Assert.Contains("\"clickThroughRate\":", campaignJson, StringComparison.Ordinal);
    }
}
