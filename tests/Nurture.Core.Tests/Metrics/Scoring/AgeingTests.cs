using Nurture.Core.Metrics.Scoring;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Scoring;

public sealed class AgeingTests
{
    private static readonly ScoringModel Model = ScoringModel.Build(FiveBuyers, T0, ScoreSettings);

    [Fact]
    public void NextChangeAfter_IsTheFirstRecencyCutOrThreshold()
    {
        // c3 bought 30 days before T0. Candidates: recency cuts 2, 10, 30, 60 → 3, 11, 31, 61 days after the
        // purchase; dormant at 40, churned at 80, expected order at 20 (already past). First after T0: day 31.
        var c3 = FiveBuyers[2];

        Assert.Equal(T0.AddDays(1), ContactScorer.NextChangeAfter(c3, Model, ScoreSettings, T0));
        Assert.Equal(T0.AddDays(1), ContactScorer.Score(c3, Model, T0, ScoreSettings).RescoreAt);
        Assert.Equal(T0.AddDays(10), ContactScorer.NextChangeAfter(c3, Model, ScoreSettings, T0.AddDays(1)));
    }

    [Fact]
    public void ChangesByTimeBetween_IncludesTheEndAndExcludesTheStart()
    {
        var c3 = FiveBuyers[2];

        Assert.False(ContactScorer.ChangesByTimeBetween(c3, Model, ScoreSettings, T0, T0.AddDays(1).AddTicks(-1)));
        Assert.True(ContactScorer.ChangesByTimeBetween(c3, Model, ScoreSettings, T0, T0.AddDays(1)));
        Assert.False(ContactScorer.ChangesByTimeBetween(c3, Model, ScoreSettings, T0.AddDays(1), T0.AddDays(2)));
    }

    [Fact]
    public void ChangesByTimeBetween_DormantThreshold_IsACrossing()
    {
        // c3 crosses into dormant 40 days after its purchase, i.e. 10 days after T0.
        var c3 = FiveBuyers[2];

        Assert.True(ContactScorer.ChangesByTimeBetween(c3, Model, ScoreSettings, T0.AddDays(9), T0.AddDays(10)));
        Assert.Equal(LifecycleStage.Active, ContactScorer.Score(c3, Model, T0.AddDays(10).AddTicks(-1), ScoreSettings).Stage);
        Assert.Equal(LifecycleStage.Dormant, ContactScorer.Score(c3, Model, T0.AddDays(10), ScoreSettings).Stage);
    }

    [Fact]
    public void Score_WhenTimeAloneChangesNothing_IsTheSameAtBothTimes()
    {
        // The incremental design's promise: a contact that neither got new data nor reached a change
        // instant keeps every score, so skipping it in the daily run loses nothing.
        var buyers = FiveBuyers.Concat([Buyer("d1", 2, 45, 5, 90m), Buyer("d2", 7, 400, 100, 900m), Buyer("d3", 1, 1, 1, 20m)]).ToList();
        var checkedPairs = 0;
        foreach (var buyer in buyers)
        {
            for (var from = 0; from < 120; from += 3)
            {
                for (var step = 1; step <= 5; step++)
                {
                    var t0 = T0.AddDays(from).AddHours(7);
                    var t1 = t0.AddDays(step).AddHours(5);
                    if (ContactScorer.ChangesByTimeBetween(buyer, Model, ScoreSettings, t0, t1))
                    {
                        continue;
                    }

                    var before = ContactScorer.Score(buyer, Model, t0, ScoreSettings);
                    var after = ContactScorer.Score(buyer, Model, t1, ScoreSettings);
                    Assert.Equal(before with { ScoredAt = t1 }, after);
                    checkedPairs++;
                }
            }
        }

        Assert.True(checkedPairs > 100, $"only {checkedPairs} unchanged pairs were checked");
    }

    [Fact]
    public void StageChange_DormantAfterActive_IsDatedAtTheThreshold()
    {
        var c3 = FiveBuyers[2];
        var before = ContactScorer.Score(c3, Model, T0, ScoreSettings);
        var after = ContactScorer.Score(c3, Model, T0.AddDays(11), ScoreSettings);

        var change = StageChange.Detect(before, after);

        Assert.NotNull(change);
        Assert.Equal(LifecycleStage.Active, change.From);
        Assert.Equal(LifecycleStage.Dormant, change.To);
        Assert.Equal(T0.AddDays(10), change.ChangedAt);
        Assert.Equal("c3:active>dormant@2025-04-10T12:00:00.0000000Z", change.IdempotencyKey);
    }

    [Fact]
    public void StageChange_SameStage_IsNone()
    {
        var c1 = FiveBuyers[0];

        Assert.Null(StageChange.Detect(ContactScorer.Score(c1, Model, T0, ScoreSettings), ContactScorer.Score(c1, Model, T0.AddDays(1), ScoreSettings)));
    }

    [Fact]
    public void StageChange_FirstScoring_HasNoPreviousStage()
    {
        var change = StageChange.Detect(null, ContactScorer.Score(FiveBuyers[4], Model, T0, ScoreSettings));

        Assert.Null(change!.From);
        Assert.Equal(LifecycleStage.Churned, change.To);
    }
}
