using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Campaigns;

public sealed class CostTests
{
    private static readonly CampaignCosts Costs = new() { PerEmail = 0.01m, PerSms = 0.05m, PerJourney = new Dictionary<string, decimal> { ["j1"] = 10m } };

    [Fact]
    public void Romi_And_Cac_FollowTheConfiguredCosts()
    {
        // 100 emails × 0.01 + 20 SMS × 0.05 + 10 fixed = 12; three new customers bring 120.
        // ROMI = (120 − 12) / 12 = 9; CAC = 12 / 3 = 4.
        var costs = Shop().Report(costs: Costs).Journeys.Single().Costs!;

        Assert.Equal(12m, costs.Cost);
        Assert.Equal(120m, costs.Revenue);
        Assert.Equal(9.0, costs.Romi!.Value, 12);
        Assert.Equal((3, 4.00m), (costs.NewCustomers, costs.Cac));
    }

    [Fact]
    public void Romi_WithAGrossMargin_UsesProfit()
    {
        // (120 × 0.5 − 12) / 12 = 4.
        var report = Shop().Report(new CampaignSettings { GrossMargin = 0.5m }, costs: Costs);

        Assert.Equal(4.0, report.Journeys.Single().Costs!.Romi!.Value, 12);
        Assert.Equal(4.0, report.Costs!.Romi!.Value, 12);
    }

    [Fact]
    public void Costs_NotConfigured_AreAbsent()
    {
        var report = Shop().Report();

        Assert.Null(report.Journeys.Single().Costs);
        Assert.Null(report.Costs);
    }

    [Fact]
    public void Costs_Negative_NameTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => Shop().Report(costs: new CampaignCosts { PerSms = -1m }));

        Assert.Contains("Metrics:Costs", error.Message, StringComparison.Ordinal);
    }

    private static CampaignShop Shop()
    {
        var shop = new CampaignShop();
        for (var i = 0; i < 100; i++)
        {
            shop.Send($"e-{i}", $"c{i}", T0);
        }

        for (var i = 0; i < 20; i++)
        {
            shop.Send($"s-{i}", $"c{i}", T0.AddHours(1), node: "sms-1", channel: MessageChannel.Sms);
        }

        for (var i = 0; i < 3; i++)
        {
            shop.Feedback($"k-{i}", FeedbackKind.Clicked, T0.AddMinutes(5), $"e-{i}").Order($"o-{i}", $"c{i}", T0.AddMinutes(30), 40m);
        }

        return shop;
    }
}
