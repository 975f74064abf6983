using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Campaigns;

public sealed class AttributionTests
{
    private static readonly DateTimeOffset Click = T0.AddHours(1);

    [Fact]
    public void Attribution_ClickExactlyAtWindowEnd_Counts()
    {
        var report = ClickedEmail().Order("o1", "c1", Click.AddDays(5), 80m).Report();

        Assert.Equal((1, 1, 80m), (report.Totals.Conversions, report.Totals.ConvertedRecipients, report.Totals.Revenue));
    }

    [Fact]
    public void Attribution_OrderOneTickAfterEmailWindow_DoesNotCount()
    {
        var report = ClickedEmail().Order("o1", "c1", Click.AddDays(5).AddTicks(1), 80m).Report();

        Assert.Equal((0, 0m), (report.Totals.Conversions, report.Totals.Revenue));
    }

    [Fact]
    public void Attribution_OrderAtTheTouchInstant_Counts() =>
        Assert.Equal(1, ClickedEmail().Order("o1", "c1", Click, 80m).Report().Totals.Conversions);

    [Fact]
    public void Attribution_OrderBeforeTheTouch_DoesNotCount() =>
        Assert.Equal(0, ClickedEmail().Order("o1", "c1", Click.AddTicks(-1), 80m).Report().Totals.Conversions);

    [Fact]
    public void Attribution_SmsDeliveryExactlyAtWindowEnd_CountsAndOneTickAfterDoesNot()
    {
        var delivered = T0.AddMinutes(1);
        CampaignShop Sms() => new CampaignShop()
            .Send("m1", "c1", T0, node: "sms-1", channel: MessageChannel.Sms)
            .Feedback("f1", FeedbackKind.Delivered, delivered, "m1", MessageChannel.Sms);

        Assert.Equal(1, Sms().Order("o1", "c1", delivered.AddDays(1), 30m).Report().Totals.Conversions);
        Assert.Equal(0, Sms().Order("o1", "c1", delivered.AddDays(1).AddTicks(1), 30m).Report().Totals.Conversions);
    }

    [Fact]
    public void Attribution_EmailDeliveryAlone_IsNoTouch() =>
        Assert.Equal(0, new CampaignShop()
            .Send("m1", "c1", T0)
            .Feedback("f1", FeedbackKind.Delivered, T0, "m1")
            .Order("o1", "c1", T0.AddHours(2), 10m)
            .Report().Totals.Conversions);

    [Fact]
    public void Attribution_LastTouchWinsBetweenTwoJourneys()
    {
        var report = new CampaignShop()
            .Send("m1", "c1", T0, journey: "j1")
            .Feedback("f1", FeedbackKind.Opened, T0.AddHours(1), "m1")
            .Send("m2", "c1", T0.AddHours(2), journey: "j2")
            .Feedback("f2", FeedbackKind.Clicked, T0.AddHours(3), "m2")
            .Order("o1", "c1", T0.AddHours(4), 50m)
            .Report();

        Assert.Equal(0, Journey(report, "j1").Funnel.Conversions);
        Assert.Equal((1, 50m), (Journey(report, "j2").Funnel.Conversions, Journey(report, "j2").Funnel.Revenue));
    }

    [Fact]
    public void Attribution_LatestTouchExpired_EarlierTouchStillInWindowWins()
    {
        // Email click on day 0 covers 5 days; the SMS delivered on day 3 covers only day 3 to 4; the order is on day 4.5.
        var report = new CampaignShop()
            .Send("m1", "c1", T0, journey: "j-email")
            .Feedback("f1", FeedbackKind.Clicked, T0, "m1")
            .Send("m2", "c1", T0.AddDays(3), journey: "j-sms", node: "sms-1", channel: MessageChannel.Sms)
            .Feedback("f2", FeedbackKind.Delivered, T0.AddDays(3), "m2", MessageChannel.Sms)
            .Order("o1", "c1", T0.AddDays(4.5), 70m)
            .Report();

        Assert.Equal(1, Journey(report, "j-email").Funnel.Conversions);
        Assert.Equal(0, Journey(report, "j-sms").Funnel.Conversions);
    }

    [Fact]
    public void Attribution_TouchesAtTheSameInstant_ClickBeatsOpen()
    {
        var report = new CampaignShop()
            .Send("m1", "c1", T0, journey: "j1")
            .Send("m2", "c1", T0, journey: "j2")
            .Feedback("f1", FeedbackKind.Clicked, T0.AddHours(1), "m1")
            .Feedback("f2", FeedbackKind.Opened, T0.AddHours(1), "m2")
            .Order("o1", "c1", T0.AddHours(2), 10m)
            .Report();

        Assert.Equal(1, Journey(report, "j1").Funnel.Conversions);
    }

    [Fact]
    public void Attribution_RefundAfterConversion_ReducesRevenue()
    {
        var report = ClickedEmail()
            .Order("o1", "c1", Click.AddHours(1), 100m)
            .With(new RefundFact("r1", "o1", Click.AddDays(20), 30m))
            .Report();

        Assert.Equal((1, 70m), (report.Totals.Conversions, report.Totals.Revenue));
    }

    [Fact]
    public void Attribution_CancelledOrder_IsNoConversion()
    {
        var report = ClickedEmail()
            .Order("o1", "c1", Click.AddHours(1), 100m)
            .With(new CancellationFact("o1", Click.AddDays(1)))
            .Report();

        Assert.Equal((0, 0m), (report.Totals.Conversions, report.Totals.Revenue));
    }

    [Fact]
    public void Attribution_MachineOpen_IsNoTouchUnlessConfigured()
    {
        var shop = new CampaignShop()
            .Send("m1", "c1", T0)
            .Feedback("f1", FeedbackKind.Opened, T0.AddMinutes(1), "m1", machine: true)
            .Order("o1", "c1", T0.AddHours(1), 10m);

        Assert.Equal(0, shop.Report().Totals.Conversions);
        Assert.Equal(1, shop.Report(new CampaignSettings { MachineOpensAreTouches = true }).Totals.Conversions);
    }

    [Fact]
    public void Attribution_FirstPurchaseEver_CountsANewCustomer()
    {
        var report = new CampaignShop()
            .Send("m1", "c1", T0).Feedback("f1", FeedbackKind.Clicked, T0, "m1").Order("o1", "c1", T0.AddHours(1), 10m)
            .Order("o0", "c2", T0.AddDays(-30), 10m)
            .Send("m2", "c2", T0).Feedback("f2", FeedbackKind.Clicked, T0, "m2").Order("o2", "c2", T0.AddHours(1), 10m)
            .Report();

        Assert.Equal((2, 1), (report.Totals.ConvertedRecipients, report.Totals.NewCustomers));
    }

    [Fact]
    public void Attribution_OrderAfterTheReportTime_IsLeftOut() =>
        Assert.Equal(0, ClickedEmail().Order("o1", "c1", Click.AddDays(1), 10m).Report(asOf: Click.AddHours(1)).Totals.Conversions);

    private static CampaignShop ClickedEmail() => new CampaignShop()
        .Send("m1", "c1", T0)
        .Feedback("f1", FeedbackKind.Delivered, T0.AddMinutes(1), "m1")
        .Feedback("f2", FeedbackKind.Clicked, Click, "m1");

    private static JourneyMetrics Journey(CampaignReport report, string id) => report.Journeys.Single(j => j.JourneyId == id);
}
