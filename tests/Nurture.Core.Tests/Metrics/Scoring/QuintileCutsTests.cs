using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Tests.Metrics.Scoring;

public sealed class QuintileCutsTests
{
    [Fact]
    public void FromSorted_TenDistinctValues_CutsAtNearestRank()
    {
        // n = 10: ranks ⌈2⌉, ⌈4⌉, ⌈6⌉, ⌈8⌉ → values 2, 4, 6, 8.
        var cuts = QuintileCuts.FromSorted([1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m, 10m]);

        Assert.Equal(new QuintileCuts(2m, 4m, 6m, 8m), cuts);
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], Enumerable.Range(1, 10).Select(v => cuts.HigherIsBetter(v)));
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], Enumerable.Range(1, 10).Select(v => cuts.LowerIsBetter(v)));
    }

    [Fact]
    public void FromSorted_SevenValues_RoundsRanksUp()
    {
        // n = 7: ranks ⌈1.4⌉ = 2, ⌈2.8⌉ = 3, ⌈4.2⌉ = 5, ⌈5.6⌉ = 6.
        var cuts = QuintileCuts.FromSorted([10m, 20m, 30m, 40m, 50m, 60m, 70m]);

        Assert.Equal(new QuintileCuts(20m, 30m, 50m, 60m), cuts);
    }

    [Fact]
    public void Score_TiedValues_ShareAScoreAndLeaveScoresEmpty()
    {
        // Six one-order buyers: cuts 1, 1, 1, 3. Every "1" scores 1; 2 and 3 exceed three cuts → 4.
        var cuts = QuintileCuts.FromSorted([1m, 1m, 1m, 1m, 1m, 1m, 2m, 3m, 4m, 5m]);

        Assert.Equal(new QuintileCuts(1m, 1m, 1m, 3m), cuts);
        Assert.Equal([1, 4, 4, 5, 5], new[] { 1m, 2m, 3m, 4m, 5m }.Select(cuts.HigherIsBetter));
    }

    [Fact]
    public void Score_ValueExactlyAtACut_BelongsToTheLowerScore()
    {
        var cuts = new QuintileCuts(10m, 20m, 30m, 40m);

        Assert.Equal(1, cuts.HigherIsBetter(10m));
        Assert.Equal(2, cuts.HigherIsBetter(10.01m));
        Assert.Equal(5, cuts.LowerIsBetter(10m));
        Assert.Equal(4, cuts.LowerIsBetter(11m));
    }

    [Fact]
    public void FromSorted_NoValues_IsRejected() =>
        Assert.Throws<ArgumentException>(() => QuintileCuts.FromSorted([]));
}
