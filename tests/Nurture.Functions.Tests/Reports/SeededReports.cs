using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Scoring;
using Nurture.Core.Metrics.Statistics;
using Nurture.Functions.Reports;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Tests.Reports;

/// <summary>
/// The lifecycle and campaign reports of a small hand-made shop, as their timers would store them: the campaign report
/// computed by <see cref="CampaignCalculator"/> from a few facts, the lifecycle report written out by hand.
/// </summary>
/// <remarks>
/// Journey <c>welcome</c> v1, twenty days ago: ten contacts enter; the split <c>split-1</c> puts six into variant
/// <c>a</c> and four into the holdout. The six get one email from step <c>email-1</c> (three at the optimised time,
/// three fixed-time controls); all six are delivered, four opened by a person (the three optimised and one control),
/// two clicked (optimised), and those two buy the next day and the day after, for 50 and 30 EUR. One holdout contact
/// buys 20 EUR with no touch. So: entered 10, recipients 6, sent 6, delivered 6, opened 4, clicked 2, conversions
/// 2, revenue 80; split groups a 2 of 6 (80 EUR), holdout 1 of 4 (20 EUR); send time: opens 3 of 3 against 1 of 3,
/// clicks 2 of 3 against 0 of 3, conversions 2 of 3 against 0 of 3.
/// </remarks>
public static class SeededReports
{
    /// <summary>The journey.</summary>
    public const string Journey = "welcome";

    /// <summary>The split node.</summary>
    public const string Split = "split-1";

    /// <summary>The send step.</summary>
    public const string Step = "email-1";

    /// <summary>The variant.</summary>
    public const string Variant = "a";

    /// <summary>The campaign report as of <paramref name="asOf"/>.</summary>
    public static CampaignReport Campaign(DateTimeOffset asOf)
    {
        var start = asOf.AddDays(-20);
        var facts = new ShopFacts();
        for (var i = 1; i <= 10; i++)
        {
            var contact = "c" + i;
            var instance = "welcome-" + contact;
            var variant = i <= 6 ? Variant : JourneyDecider.HoldoutVariant;
            facts.Add(new JourneyEntryFact(instance, Journey, 1, contact, start));
            facts.Add(new SplitAssignmentFact(instance, Journey, 1, Split, variant, contact, start.AddMinutes(1)));
            if (i > 6)
            {
                continue;
            }

            var message = "m" + i;
            var sentAt = start.AddHours(1);
            facts.Add(new SendFact(message, Journey, 1, Step, Variant, MessageChannel.Email, contact, sentAt, i <= 3 ? SendTiming.Optimized : SendTiming.FixedTimeControl));
            facts.Add(new FeedbackFact("d" + i, FeedbackKind.Delivered, sentAt.AddMinutes(1), MessageChannel.Email, message));
            if (i <= 4)
            {
                facts.Add(new FeedbackFact("o" + i, FeedbackKind.Opened, sentAt.AddHours(1), MessageChannel.Email, message));
            }

            if (i <= 2)
            {
                facts.Add(new FeedbackFact("k" + i, FeedbackKind.Clicked, sentAt.AddHours(2), MessageChannel.Email, message));
            }
        }

        facts.Add(new OrderFact("o-c1", "c1", start.AddDays(1), 50m, "EUR"));
        facts.Add(new OrderFact("o-c2", "c2", start.AddDays(2), 30m, "EUR"));
        facts.Add(new OrderFact("o-c7", "c7", start.AddDays(1), 20m, "EUR"));
        return CampaignCalculator.Compute(facts, asOf, new CampaignSettings(), new ExperimentSettings());
    }

    /// <summary>
    /// The lifecycle report as of <paramref name="asOf"/>: ten contacts (prospect 2, new 3, active 2, loyal 1, dormant 1,
    /// churned 1), eight buyers on the R×F grid, segments with their revenue.
    /// </summary>
    public static LifecycleReport Lifecycle(DateTimeOffset asOf)
    {
        var stages = new Dictionary<LifecycleStage, int>
        {
            [LifecycleStage.Prospect] = 2,
            [LifecycleStage.New] = 3,
            [LifecycleStage.Active] = 2,
            [LifecycleStage.Loyal] = 1,
            [LifecycleStage.Dormant] = 1,
            [LifecycleStage.Churned] = 1,
        };
        var segments = new Dictionary<RfmSegment, (int Contacts, decimal Revenue)>
        {
            [RfmSegment.Champions] = (1, 250m),
            [RfmSegment.Loyal] = (1, 180m),
            [RfmSegment.PotentialLoyalists] = (1, 95.5m),
            [RfmSegment.NewCustomers] = (3, 150m),
            [RfmSegment.AtRisk] = (1, 60m),
            [RfmSegment.Lost] = (1, 20m),
        };
        var cells = new Dictionary<(int R, int F), int> { [(5, 1)] = 3, [(5, 2)] = 1, [(4, 3)] = 1, [(5, 5)] = 1, [(2, 1)] = 1, [(1, 2)] = 1 };
        return new LifecycleReport(
            asOf,
            PurchaseCycleDays: 30,
            DormantAfterDays: 60,
            ChurnedAfterDays: 120,
            Contacts: 10,
            [.. Enum.GetValues<LifecycleStage>().Select(s => new StageCount(s, stages.GetValueOrDefault(s)))],
            [.. Enum.GetValues<RfmSegment>().Select(s => new SegmentCount(s, segments.GetValueOrDefault(s).Contacts, segments.GetValueOrDefault(s).Revenue))],
            [.. Enumerable.Range(1, 5).SelectMany(r => Enumerable.Range(1, 5).Select(f => new RfmCell(r, f, cells.GetValueOrDefault((r, f)))))]);
    }

    /// <summary>Stores both reports as their timers would.</summary>
    public static async Task StoreAsync(ReportStore reports, CampaignReport campaign, LifecycleReport lifecycle)
    {
        ArgumentNullException.ThrowIfNull(reports);
        await reports.InitializeAsync();
        await reports.SaveAsync(ReportKinds.Campaigns, new StoredReport(MetricsJson.Serialize(campaign), campaign.AsOf, null));
        await reports.SaveAsync(ReportKinds.Lifecycle, new StoredReport(MetricsJson.Serialize(lifecycle), lifecycle.AsOf, null));
    }
}
