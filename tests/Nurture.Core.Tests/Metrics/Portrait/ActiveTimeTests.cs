using Nurture.Core.Metrics.Portrait;

namespace Nurture.Core.Tests.Metrics.Portrait;

public sealed class ActiveTimeTests
{
    private static readonly PortraitSettings Settings = new();

    [Fact]
    public void FromHourOfDay_TakesTheBestHoursWithTiesToTheEarlierHour()
    {
        var scores = new double[24];
        (scores[19], scores[20], scores[21], scores[9]) = (5, 4, 4, 4);

        var active = ActiveTime.FromHourOfDay(scores, Settings);

        Assert.Equal([9, 19, 20], active!.Hours);
        Assert.Equal(DayPart.Evening, active.DayPart);
    }

    [Fact]
    public void FromHourOfDay_TooLittleEngagement_SaysNothing()
    {
        var scores = new double[24];
        scores[8] = 0.5;

        Assert.Null(ActiveTime.FromHourOfDay(scores, Settings));
    }

    [Fact]
    public void FromHourOfDay_WrongLengthOrNegative_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ActiveTime.FromHourOfDay(new double[23], Settings));
        var negative = new double[24];
        negative[3] = -1;
        Assert.Throws<ArgumentException>(() => ActiveTime.FromHourOfDay(negative, Settings));
    }

    [Fact]
    public void FromHourOfWeek_FoldsEveryDayOntoItsHour()
    {
        var week = new double[168];
        week[(1 * 24) + 7] = 1; // Monday 07:00
        week[(3 * 24) + 7] = 1; // Wednesday 07:00
        week[(5 * 24) + 22] = 1.5; // Friday 22:00

        var active = ActiveTime.FromHourOfWeek(week, new PortraitSettings { ActiveHours = 1 });

        Assert.Equal([7], active!.Hours);
        Assert.Equal(DayPart.Morning, active.DayPart);
    }
}
