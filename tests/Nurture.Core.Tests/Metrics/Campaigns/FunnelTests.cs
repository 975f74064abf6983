using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Facts;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Campaigns;

public sealed class FunnelTests
{
    [Fact]
    public void Funnel_RepeatedFeedbackOfOneMessage_CountsOnceWithHumanAndMachineOpensApart()
    {
        var report = new CampaignShop()
            .Send("m1", "c1", T0).Send("m2", "c2", T0).Send("m3", "c3", T0).Send("m4", "c4", T0)
            .Feedback("d1", FeedbackKind.Delivered, T0, "m1").Feedback("d2", FeedbackKind.Delivered, T0, "m2")
            .Feedback("d3", FeedbackKind.Delivered, T0, "m3").Feedback("d4", FeedbackKind.Delivered, T0, "m4")
            .Feedback("o1", FeedbackKind.Opened, T0.AddMinutes(1), "m1").Feedback("o2", FeedbackKind.Opened, T0.AddMinutes(2), "m1")
            .Feedback("o3", FeedbackKind.Opened, T0.AddMinutes(1), "m2", machine: true)
            .Feedback("k1", FeedbackKind.Clicked, T0.AddMinutes(3), "m1").Feedback("k2", FeedbackKind.Clicked, T0.AddMinutes(4), "m1")
            .Feedback("u1", FeedbackKind.Unsubscribed, T0.AddMinutes(5), "m3")
            .Feedback("s1", FeedbackKind.SpamReported, T0.AddMinutes(5), "m3")
            .Report();

        var funnel = report.Totals;
        Assert.Equal((4, 4, 1, 1, 1, 1, 1), (funnel.Sent, funnel.Delivered, funnel.HumanOpened, funnel.MachineOpened, funnel.Clicked, funnel.Unsubscribed, funnel.SpamReported));
        Assert.Equal(0.25, funnel.ClickThroughRate);
        Assert.Equal(0.25, funnel.OpenRate);
        Assert.Equal(1.0, funnel.ClickToOpenRate);
    }

    [Fact]
    public void Funnel_RecipientsAreDistinctAcrossSteps()
    {
        var report = new CampaignShop()
            .Send("m1", "c1", T0, node: "email-1").Send("m2", "c1", T0.AddDays(1), node: "email-2").Send("m3", "c2", T0, node: "email-1")
            .Feedback("k1", FeedbackKind.Clicked, T0.AddDays(1), "m2").Order("o1", "c1", T0.AddDays(1.5), 40m)
            .Report();

        var journey = report.Journeys.Single();
        Assert.Equal((3, 2), (journey.Funnel.Sent, journey.Funnel.Recipients));
        var steps = journey.Versions.Single().Steps;
        Assert.Equal(["email-1", "email-2"], steps.Select(s => s.NodeId));
        Assert.Equal((2, 0), (steps[0].Funnel.Recipients, steps[0].Funnel.Conversions));
        Assert.Equal((1, 1, 40m, 1.0, 40m), (steps[1].Funnel.Recipients, steps[1].Funnel.Conversions, steps[1].Funnel.Revenue, steps[1].Funnel.ConversionRate, steps[1].Funnel.RevenuePerRecipient));
        Assert.Equal(0.5, journey.Funnel.ConversionRate);
        Assert.Equal(20m, journey.Funnel.RevenuePerRecipient);
    }

    [Fact]
    public void Funnel_VersionsStepsAndVariantsEachGetTheirRow()
    {
        var report = new CampaignShop()
            .Entry("i1", "c1", T0).Entry("i2", "c2", T0).Entry("i3", "c3", T0, version: 2)
            .Assign("i1", "c1", "A", T0).Assign("i2", "c2", "B", T0)
            .Send("m1", "c1", T0, variant: "A").Send("m2", "c2", T0, variant: "B").Send("m3", "c3", T0, version: 2)
            .Report();

        var journey = report.Journeys.Single();
        Assert.Equal(3, journey.Funnel.Entered);
        Assert.Equal([(1, 2), (2, 1)], journey.Versions.Select(v => (v.Version, v.Funnel.Entered!.Value)));
        var one = journey.Versions[0];
        Assert.Equal([("A", 1, 1), ("B", 1, 1)], one.Variants.Select(v => (v.Variant, v.Funnel.Entered!.Value, v.Funnel.Sent)));
        Assert.Equal(["A", "B"], one.Steps.Single().Variants.Select(v => v.Variant));
        Assert.Null(one.Steps.Single().Funnel.Entered);
    }

    [Fact]
    public void Feedback_WithoutMessageId_GoesToTheContactsLatestSendOnTheChannel()
    {
        // An SMS STOP names no message: it belongs to the latest SMS before it (m2), not the email.
        var report = new CampaignShop()
            .Send("m1", "c1", T0, node: "sms-1", channel: MessageChannel.Sms)
            .Send("m2", "c1", T0.AddDays(1), node: "sms-2", channel: MessageChannel.Sms)
            .Send("m3", "c1", T0.AddDays(1).AddHours(1), node: "email-1")
            .Feedback("stop", FeedbackKind.Unsubscribed, T0.AddDays(1).AddHours(2), null, MessageChannel.Sms, contact: "c1")
            .Feedback("late", FeedbackKind.Unsubscribed, T0.AddDays(10), null, MessageChannel.Sms, contact: "c1")
            .Report();

        var steps = report.Journeys.Single().Versions.Single().Steps.ToDictionary(s => s.NodeId);
        Assert.Equal((0, 1, 0), (steps["sms-1"].Funnel.Unsubscribed, steps["sms-2"].Funnel.Unsubscribed, steps["email-1"].Funnel.Unsubscribed));
        Assert.Equal(1, report.DataQuality.UnmatchedFeedback);
    }

    [Fact]
    public void Feedback_AboutAnUnknownMessage_IsCountedAsUnmatched()
    {
        var report = new CampaignShop().Send("m1", "c1", T0).Feedback("f1", FeedbackKind.Delivered, T0, "transactional-9").Report();

        Assert.Equal((0, 1), (report.Totals.Delivered, report.DataQuality.UnmatchedFeedback));
    }

    [Fact]
    public void Compute_ShuffledAndDuplicatedFacts_GiveTheSameReport()
    {
        var shop = new CampaignShop()
            .Entry("i1", "c1", T0).Entry("i2", "c2", T0).Assign("i1", "c1", "A", T0).Assign("i2", "c2", "holdout", T0)
            .Send("m1", "c1", T0, variant: "A").Send("m2", "c1", T0.AddDays(1), node: "sms-1", channel: MessageChannel.Sms, variant: "A")
            .Feedback("f1", FeedbackKind.Opened, T0.AddHours(1), "m1").Feedback("f2", FeedbackKind.Clicked, T0.AddHours(1), "m1")
            .Feedback("f3", FeedbackKind.Delivered, T0.AddDays(1), "m2", MessageChannel.Sms)
            .Order("o1", "c1", T0.AddDays(1).AddHours(3), 25m).Order("o2", "c2", T0.AddDays(2), 15m)
            .With(new RefundFact("r1", "o1", T0.AddDays(3), 5m));
        var expected = shop.Report();
        var shuffled = shop.All.Concat(shop.All).Select((f, i) => (f, i)).OrderBy(p => (p.i * 11) % 29).Select(p => p.f).ToList();

        var again = shop.Report(facts: shuffled);

        Assert.Equal(shop.All.Count, again.DataQuality.DuplicatesIgnored);
        Assert.Equal(MetricsJson.Serialize(expected), MetricsJson.Serialize(again with { DataQuality = expected.DataQuality }));
        Assert.True(expected.Totals.Conversions > 0 && expected.Journeys.Single().Versions.Single().Splits.Count == 1, "the scenario exercises attribution and splits");
    }

    [Fact]
    public void Report_HoldsNoContactId()
    {
        var shop = new CampaignShop()
            .Entry("i1", "contact-secret-1", T0).Assign("i1", "contact-secret-1", "holdout", T0)
            .Send("m1", "contact-secret-2", T0).Feedback("f1", FeedbackKind.Clicked, T0, "m1").Order("o1", "contact-secret-2", T0.AddHours(1), 9m);

        var json = MetricsJson.Serialize(shop.Report());

        Assert.DoesNotContain("contact-secret", json, StringComparison.Ordinal);
        Assert.Contains("\"journeyId\":\"j1\"", json, StringComparison.Ordinal);
    }
}
