using Nurture.Core.Metrics.Scoring;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Scoring;

public sealed class LifecycleDistributionTests
{
    // Five buyers: C = 20 days (three repeat buyers, each a 20-day gap), so dormant after 40 and churned after 80.
    // Cuts (n = 5, cut k at position k): recency 2, 10, 30, 60; frequency 1, 1, 2, 3; monetary 50, 80, 120, 300.
    // c1 2 days, 5 orders, 500 → 555 champions, loyal; c2 10 days (= the 40th cut, not above it) → 444 champions, loyal;
    // c3 30 days, 2 orders → 333 need attention, active; c4 60 days, 1 order, 80 → 212 about to sleep, dormant;
    // c5 200 days → 111 lost, churned; p1 never bought → prospect, no RFM.
    [Fact]
    public void Compute_CountsStagesSegmentsAndCells_WithTheSegmentsNetRevenue()
    {
        var model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);
        var contacts = FiveBuyers.Append(new CustomerSummary("p1", 0, null, null, 0m))
            .Select(s => new ScoredContact(ContactScorer.Score(s, model, T0, ScoreSettings), s, null))
            .ToList();

        var report = LifecycleDistribution.Compute(model, T0, contacts);

        Assert.Equal((T0, 20d, 40d, 80d, 6), (report.AsOf, report.PurchaseCycleDays, report.DormantAfterDays, report.ChurnedAfterDays, report.Contacts));
        Assert.Equal(
            [(LifecycleStage.Prospect, 1), (LifecycleStage.New, 0), (LifecycleStage.Active, 1), (LifecycleStage.Loyal, 2), (LifecycleStage.Dormant, 1), (LifecycleStage.Churned, 1)],
            report.Stages.Select(s => (s.Stage, s.Contacts)));
        Assert.Equal(Enum.GetValues<RfmSegment>(), report.Segments.Select(s => s.Segment));
        Assert.Equal((2, 800m), Figures(report, RfmSegment.Champions));
        Assert.Equal((1, 120m), Figures(report, RfmSegment.NeedAttention));
        Assert.Equal((1, 80m), Figures(report, RfmSegment.AboutToSleep));
        Assert.Equal((1, 50m), Figures(report, RfmSegment.Lost));
        Assert.Equal(5, report.Segments.Sum(s => s.Contacts));
        Assert.Equal(25, report.RecencyFrequency.Count);
        Assert.Equal((1, 1), (report.RecencyFrequency[0].Recency, report.RecencyFrequency[0].Frequency));
        Assert.Equal((5, 5), (report.RecencyFrequency[24].Recency, report.RecencyFrequency[24].Frequency));
        Assert.Equal(
            [(1, 1), (2, 1), (3, 3), (4, 4), (5, 5)],
            report.RecencyFrequency.Where(c => c.Contacts > 0).Select(c => (c.Recency, c.Frequency)));
        Assert.All(report.RecencyFrequency.Where(c => c.Contacts > 0), c => Assert.Equal(1, c.Contacts));
    }

    [Fact]
    public void Compute_AValueOnACut_SharesTheLowerScore_AndOneDayMoreDropsIt()
    {
        var model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);

        var onCut = ContactScorer.Score(Buyer("x", 1, 10, 10, 80m), model, T0, ScoreSettings);
        var past = ContactScorer.Score(Buyer("y", 1, 11, 11, 80.01m), model, T0, ScoreSettings);
        var report = LifecycleDistribution.Compute(model, T0, [new ScoredContact(onCut, Buyer("x", 1, 10, 10, 80m), null), new ScoredContact(past, Buyer("y", 1, 11, 11, 80.01m), null)]);

        // 10 days is the 40th recency cut: above one cut only, R 4; 11 days is above two, R 3. 80 is the 40th monetary
        // cut (M 2), 80.01 above it (M 3). F 1 for both. 4-1 is a new customer, 3-1 promising.
        Assert.Equal((new RfmScore(4, 1, 2), RfmSegment.NewCustomers), (onCut.Rfm!.Value, onCut.Segment));
        Assert.Equal((new RfmScore(3, 1, 3), RfmSegment.Promising), (past.Rfm!.Value, past.Segment));
        Assert.Equal((1, 80m), Figures(report, RfmSegment.NewCustomers));
        Assert.Equal((1, 80.01m), Figures(report, RfmSegment.Promising));
        Assert.Equal(1, report.RecencyFrequency.Single(c => c.Recency == 4 && c.Frequency == 1).Contacts);
        Assert.Equal(1, report.RecencyFrequency.Single(c => c.Recency == 3 && c.Frequency == 1).Contacts);
        Assert.Equal(2, report.Stages.Single(s => s.Stage == LifecycleStage.New).Contacts);
    }

    [Fact]
    public void Compute_WithNobody_ListsEveryStageSegmentAndCellAtZero()
    {
        var model = ScoringModel.Build([], T0, ScoreSettings);

        var report = LifecycleDistribution.Compute(model, T0, []);

        Assert.Equal(0, report.Contacts);
        Assert.Equal(60d, report.PurchaseCycleDays);
        Assert.Equal(6, report.Stages.Count);
        Assert.Equal(11, report.Segments.Count);
        Assert.Equal(25, report.RecencyFrequency.Count);
        Assert.All(report.Stages, s => Assert.Equal(0, s.Contacts));
        Assert.All(report.Segments, s => Assert.Equal((0, 0m), (s.Contacts, s.NetRevenue)));
    }

    private static (int Contacts, decimal NetRevenue) Figures(LifecycleReport report, RfmSegment segment)
    {
        var row = report.Segments.Single(s => s.Segment == segment);
        return (row.Contacts, row.NetRevenue);
    }
}
