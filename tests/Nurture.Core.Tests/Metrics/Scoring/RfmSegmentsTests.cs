using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Tests.Metrics.Scoring;

public sealed class RfmSegmentsTests
{
    [Theory]
    [InlineData(5, 5, 5, RfmSegment.Champions)]
    [InlineData(4, 4, 3, RfmSegment.Loyal)]
    [InlineData(3, 5, 5, RfmSegment.Loyal)]
    [InlineData(5, 3, 1, RfmSegment.PotentialLoyalists)]
    [InlineData(4, 2, 5, RfmSegment.PotentialLoyalists)]
    [InlineData(5, 1, 5, RfmSegment.NewCustomers)]
    [InlineData(3, 3, 1, RfmSegment.NeedAttention)]
    [InlineData(3, 2, 2, RfmSegment.Promising)]
    [InlineData(2, 5, 4, RfmSegment.CannotLoseThem)]
    [InlineData(1, 4, 4, RfmSegment.CannotLoseThem)]
    [InlineData(2, 4, 3, RfmSegment.AtRisk)]
    [InlineData(1, 3, 5, RfmSegment.AtRisk)]
    [InlineData(2, 2, 5, RfmSegment.AboutToSleep)]
    [InlineData(2, 1, 1, RfmSegment.AboutToSleep)]
    [InlineData(1, 2, 2, RfmSegment.Hibernating)]
    [InlineData(1, 1, 5, RfmSegment.Lost)]
    public void Of_FollowsTheTable(int r, int f, int m, RfmSegment expected) =>
        Assert.Equal(expected, RfmSegments.Of(new RfmScore(r, f, m)));

    [Fact]
    public void Of_EveryScoreHasASegmentWithAStableName()
    {
        var names = new HashSet<string>();
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                for (var m = 1; m <= 5; m++)
                {
                    names.Add(MetricNames.Of(RfmSegments.Of(new RfmScore(r, f, m))));
                }
            }
        }

        Assert.Equal(Enum.GetValues<RfmSegment>().Length, names.Count);
        Assert.Contains("potential_loyalists", names);
    }

    [Fact]
    public void Of_ScoreOutsideOneToFive_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegments.Of(new RfmScore(0, 3, 3)));
}
