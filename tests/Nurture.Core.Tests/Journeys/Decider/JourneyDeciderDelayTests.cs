using System.Text.Json;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderDelayTests
{
    private static readonly Nurture.Core.Journeys.Model.JourneyDefinition HourThenEmail =
        Journey($"[{Delay("d", "e1", "01:00:00")}, {Email("e1", "")}]", "d");

    [Fact]
    public void Decide_Delay_SchedulesWakeUpAndWaits()
    {
        var result = Start(HourThenEmail);

        Assert.Empty(result.Sends);
        Assert.Equal(JourneyStatus.Waiting, result.State.Status);
        Assert.Equal(new PendingTimer("d#1/delay/0", T0.AddHours(1), TimerPurpose.Delay, "d"), result.State.Timer);
        Assert.Equal(new ScheduleWakeUp("ji-test", "d#1/delay/0", T0.AddHours(1)), Assert.Single(result.WakeUps));
    }

    [Fact]
    public void Decide_WakeUpAtDueTime_MovesOnAndSends()
    {
        var woken = Wake(HourThenEmail, Start(HourThenEmail));

        Assert.Equal("e1", Assert.Single(woken.Sends).NodeId);
        Assert.Equal(JourneyStatus.Completed, woken.State.Status);
        Assert.Null(woken.State.Timer);
    }

    [Fact]
    public void Decide_WakeUpDeliveredTwice_SendsOnce()
    {
        var started = Start(HourThenEmail);
        var first = Wake(HourThenEmail, started);

        var again = JourneyDecider.Decide(HourThenEmail, first.State, new WakeUpTrigger("d#1/delay/0", T0.AddHours(1)), Context());

        Assert.Single(first.Sends);
        Assert.True(again.IsNoOp);
    }

    [Fact]
    public void Decide_WakeUpWithStaleTimerId_ChangesNothing()
    {
        var started = Start(HourThenEmail);

        var stale = JourneyDecider.Decide(HourThenEmail, started.State, new WakeUpTrigger("other#1/delay/0", T0.AddHours(2)), Context());

        Assert.True(stale.IsNoOp);
        Assert.Same(started.State, stale.State);
    }

    [Fact]
    public void Decide_EarlyWakeUp_ReschedulesTheSameTimer()
    {
        var long10Days = Journey($"[{Delay("d", "e1", "10.00:00:00")}, {Email("e1", "")}]", "d");
        var started = Start(long10Days);

        // The runner chains waits longer than the queue's 7-day visibility limit by delivering early.
        var early = JourneyDecider.Decide(long10Days, started.State, new WakeUpTrigger("d#1/delay/0", T0.AddDays(7)), Context());

        Assert.Empty(early.Sends);
        Assert.Equal(new ScheduleWakeUp("ji-test", "d#1/delay/0", T0.AddDays(10)), Assert.Single(early.Commands));
        Assert.Equal(started.State.Timer, early.State.Timer);
    }

    [Fact]
    public void Decide_DelayUntilLocalTime_UsesContactTimeZone()
    {
        var at10 = Journey("""[{ "type": "delay", "id": "d", "at_local_time": "10:00:00", "next": null }]""", "d");

        // 12:00 UTC on 2 March is 07:00 in New York (EST, UTC-5): the next 10:00 there is 15:00 UTC.
        var result = Start(at10, context: Context(Contact(timeZone: "America/New_York")));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), result.State.Timer!.DueAt);
    }

    [Fact]
    public void Decide_DelayDurationThenLocalTime_PicksTheNextOccurrenceAfterTheDuration()
    {
        var nextDayAt9 = Journey("""[{ "type": "delay", "id": "d", "duration": "1.00:00:00", "at_local_time": "09:00:00", "next": null }]""", "d");

        var result = Start(nextDayAt9);

        // T0 + 1 day is Tuesday 12:00 UTC; the next 09:00 UTC is Wednesday.
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), result.State.Timer!.DueAt);
    }

    [Fact]
    public void Decide_DelayUntilLocalTime_AcrossSpringForward_IsOneHourShorter()
    {
        var at9 = Journey("""[{ "type": "delay", "id": "d", "at_local_time": "09:00:00", "next": null }]""", "d");
        var saturdayNoonBerlin = new DateTimeOffset(2026, 3, 28, 11, 0, 0, TimeSpan.Zero);

        var result = Start(at9, context: Context(Contact(timeZone: "Europe/Berlin")), at: saturdayNoonBerlin);

        // Clocks go 02:00 CET -> 03:00 CEST on 29 March: 09:00 CEST is 07:00 UTC, 20 h later instead of 21.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), result.State.Timer!.DueAt);
    }

    [Fact]
    public void Decide_DelayUntilSkippedLocalTime_LandsAfterTheGap()
    {
        var at0230 = Journey("""[{ "type": "delay", "id": "d", "at_local_time": "02:30:00", "next": null }]""", "d");
        var berlinMidnight = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);

        var result = Start(at0230, context: Context(Contact(timeZone: "Europe/Berlin")), at: berlinMidnight);

        // 02:30 does not exist on 29 March in Berlin; it maps to 03:30 CEST = 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), result.State.Timer!.DueAt);
    }

    [Fact]
    public void Decide_DelayUntilRepeatedLocalTime_UsesTheFirstOccurrence()
    {
        var at0230 = Journey("""[{ "type": "delay", "id": "d", "at_local_time": "02:30:00", "next": null }]""", "d");
        var berlinMidnight = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero);

        var result = Start(at0230, context: Context(Contact(timeZone: "Europe/Berlin")), at: berlinMidnight);

        // 02:30 happens twice on 25 October; the first is CEST (UTC+2) = 00:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), result.State.Timer!.DueAt);
    }

    [Fact]
    public void Decide_UnknownTimeZone_FallsBackToUtcWithANote()
    {
        var at10 = Journey("""[{ "type": "delay", "id": "d", "at_local_time": "10:00:00", "next": null }]""", "d");

        var result = Start(at10, context: Context(Contact(timeZone: "Mars/Olympus_Mons")));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), result.State.Timer!.DueAt);
        Assert.Contains(result.History, h => h.Kind == HistoryKind.Note && h.Message == "unknown time zone 'Mars/Olympus_Mons', using UTC");
    }

    [Fact]
    public void Decide_DelayDaysFromContactAttribute_UsesThePurchaseCycle()
    {
        var cycle = Journey("""[{ "type": "delay", "id": "d", "days_from": "contact.attributes.purchase_cycle_days", "duration": "30.00:00:00", "next": null }]""", "d");
        var contact = Contact() with { Attributes = new Dictionary<string, JsonElement> { ["purchase_cycle_days"] = JsonSerializer.SerializeToElement(20) } };

        var withCycle = Start(cycle, context: Context(contact));
        var withoutCycle = Start(cycle);

        Assert.Equal(T0.AddDays(20), withCycle.State.Timer!.DueAt);
        Assert.Equal(T0.AddDays(30), withoutCycle.State.Timer!.DueAt);
        Assert.Contains(withoutCycle.History, h => h.Kind == HistoryKind.Note && h.NodeId == "d");
    }
}
