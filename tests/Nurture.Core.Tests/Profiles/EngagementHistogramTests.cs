using Nurture.Core.Profiles;

namespace Nurture.Core.Tests.Profiles;

public sealed class EngagementHistogramTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(14);

    [Theory]
    [InlineData("2025-03-02T00:00:00Z", 0)]
    [InlineData("2025-03-03T13:30:00Z", 37)]
    [InlineData("2025-03-08T23:59:59Z", 167)]
    [InlineData("2025-03-03T08:30:00+05:00", 27)]
    public void BucketOf_CountsHoursFromSundayMidnightUtc(string at, int expected)
    {
        Assert.Equal(expected, EngagementHistogram.BucketOf(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Add_OutOfOrder_EqualsInOrder()
    {
        var t = Events.T0;
        var inOrder = EngagementHistogram.Empty.Add(t, 1, HalfLife).Add(t.AddDays(3), 2, HalfLife).Add(t.AddDays(20), 1, HalfLife);
        var late = EngagementHistogram.Empty.Add(t.AddDays(20), 1, HalfLife).Add(t, 1, HalfLife).Add(t.AddDays(3), 2, HalfLife);

        Assert.Equal(inOrder.AsOf, late.AsOf);
        for (var i = 0; i < EngagementHistogram.BucketCount; i++)
        {
            Assert.Equal(inOrder.Buckets[i], late.Buckets[i], 12);
        }
    }

    [Fact]
    public void ValuesAt_DecaysToNow_WithoutChangingTheHistogram()
    {
        var histogram = EngagementHistogram.Empty.Add(Events.T0, 4, HalfLife);

        var values = histogram.ValuesAt(Events.T0 + HalfLife + HalfLife, HalfLife);

        var bucket = EngagementHistogram.BucketOf(Events.T0);
        Assert.Equal(1d, values[bucket], 12);
        Assert.Equal(4d, histogram.Buckets[bucket]);
    }

    [Fact]
    public void Add_IgnoresNonPositiveOrNonFiniteWeights()
    {
        Assert.Same(EngagementHistogram.Empty, EngagementHistogram.Empty.Add(Events.T0, 0, HalfLife));
        Assert.Same(EngagementHistogram.Empty, EngagementHistogram.Empty.Add(Events.T0, double.NaN, HalfLife));
        Assert.Same(EngagementHistogram.Empty, EngagementHistogram.Empty.Add(Events.T0, double.PositiveInfinity, HalfLife));
    }
}
