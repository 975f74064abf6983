
using Nurture.LocalHost.Timers;

namespace Nurture.LocalHost.Tests.Timers;

public sealed class TimerDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_BeforeTheNextOccurrence_Waits()
    {
        var decision = TimerDecider.Decide(Now, Status(next: Now.AddMinutes(5)), startupRunPending: false);

        Assert.Equal(new TimerDecision.Wait(Now.AddMinutes(5)), decision);
    }

    [Fact]
    public void Decide_AtTheOccurrence_FiresOnTime()
    {
        var decision = TimerDecider.Decide(Now.AddMilliseconds(20), Status(next: Now), startupRunPending: false);

        Assert.Equal(new TimerDecision.Fire(Now, IsPastDue: false), decision);
    }

    [Fact]
    public void Decide_WhenOccurrencesWereMissed_FiresOnceAsPastDueForTheFirstMissed()
    {
        var decision = TimerDecider.Decide(Now, Status(next: Now.AddHours(-3)), startupRunPending: false);

        Assert.Equal(new TimerDecision.Fire(Now.AddHours(-3), IsPastDue: true), decision);
    }

    [Fact]
    public void Decide_WithRunOnStartupPending_FiresNowEvenWhenNothingIsDue()
    {
        var decision = TimerDecider.Decide(Now, Status(next: Now.AddHours(1)), startupRunPending: true);

        Assert.Equal(new TimerDecision.Fire(Now, IsPastDue: false), decision);
    }

    [Fact]
    public void AfterRun_CountsTheNextOccurrenceFromTheEndOfARunThatOverran()
    {
        var schedule = CronSchedule.Parse("0 * * * * *");

        var status = TimerDecider.AfterRun(schedule, scheduledFor: Now, finishedAt: Now.AddSeconds(150));

        Assert.Equal(Now, status.Last);
        Assert.Equal(Now.AddMinutes(3), status.Next);
    }

    [Theory]
    [InlineData(null, false, true)]
    [InlineData("other", true, true)]
    [InlineData("other", false, false)]
    [InlineData("me", false, true)]
    public void CanTake_OnlyWhenFreeExpiredOrOwn(string? owner, bool expired, bool expected)
    {
        var expiresAt = expired ? Now.AddSeconds(-1) : Now.AddSeconds(10);

        Assert.Equal(expected, LeaseRules.CanTake(owner, owner is null ? null : expiresAt, "me", Now));
    }

    private static TimerStatus Status(DateTimeOffset next) => new(null, next, Now.AddHours(-1));
}
