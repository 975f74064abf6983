using Nurture.LocalHost.Timers;

namespace Nurture.LocalHost.Tests.Timers;

public sealed class CronScheduleTests
{
    [Fact]
    public void NextAfter_WithSeconds_ReturnsTheNextMatchingSecond()
    {
        var schedule = CronSchedule.Parse("*/15 * * * * *");

        var next = schedule.NextAfter(new DateTimeOffset(2025, 3, 1, 10, 0, 7, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 15, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextAfter_InAZone_ReadsTheFieldsAsLocalTime()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var schedule = CronSchedule.Parse("0 0 9 * * *", berlin);

        var winter = schedule.NextAfter(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var summer = schedule.NextAfter(new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 8, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 7, 0, 0, TimeSpan.Zero), summer);
    }

    [Fact]
    public void NextAfter_WhenTheLocalTimeIsSkippedByDaylightSaving_MovesToTheNextDay()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var schedule = CronSchedule.Parse("0 30 2 * * *", berlin);

        // 2025-03-30 02:30 does not exist in Berlin (clocks jump from 02:00 to 03:00).
        var next = schedule.NextAfter(new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 0, 30, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("not a schedule at all")]
    [InlineData("99 * * * * *")]
    public void Parse_RejectsInvalidExpressions(string expression) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));
}
