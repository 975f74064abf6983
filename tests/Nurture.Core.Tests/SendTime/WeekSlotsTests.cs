using Nurture.Core.SendTime;
using static Nurture.Core.Tests.SendTime.SendTimeFixtures;

namespace Nurture.Core.Tests.SendTime;

public sealed class WeekSlotsTests
{
    [Theory]
    [InlineData("2026-03-01T00:00:00Z", 0)]
    [InlineData("2026-03-01T00:14:59Z", 0)]
    [InlineData("2026-03-02T13:30:00Z", 96 + 54)]
    [InlineData("2026-03-07T23:59:59Z", 671)]
    [InlineData("2026-03-02T08:30:00+05:00", 96 + 14)]
    public void UtcSlot_CountsQuarterHoursFromSundayMidnightUtc(string at, int expected)
    {
        Assert.Equal(expected, WeekSlots.UtcSlot(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-03-29T00:59:59Z", false)]
    [InlineData("2026-03-29T01:00:00Z", true)]
    [InlineData("2026-10-25T00:59:59Z", true)]
    [InlineData("2026-10-25T01:00:00Z", false)]
    [InlineData("2026-01-10T12:00:00Z", false)]
    public void IsNorthernSummer_FollowsTheEuDaylightSavingDates(string at, bool expected)
    {
        Assert.Equal(expected, WeekSlots.IsNorthernSummer(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LocalSlotOfKey_UsesTheZonesOffsetInTheKeysSeason()
    {
        var offsets = WeekSlots.SeasonOffsets(NewYork, T0);
        var winterEvening = WeekSlots.KeyOf(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero)); // Mon 19:00 EST
        var summerEvening = WeekSlots.KeyOf(new DateTimeOffset(2026, 6, 1, 23, 0, 0, TimeSpan.Zero)); // Mon 19:00 EDT

        Assert.Equal((-20, -16), offsets);
        Assert.Equal(96 + 76, WeekSlots.LocalSlotOfKey(winterEvening, offsets));
        Assert.Equal(96 + 76, WeekSlots.LocalSlotOfKey(summerEvening, offsets));
    }
}
