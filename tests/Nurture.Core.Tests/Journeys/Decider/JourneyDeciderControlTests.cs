using Nurture.Core.Events;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderControlTests
{
    private static readonly JourneyDefinition HourThenEmail = Journey(
        $"[{Delay("d", "e1", "01:00:00")}, {Email("e1", "")}]",
        "d",
        """[{ "name": "ordered", "event_type": "order.placed" }]""");

    private static readonly JourneyDefinition WaitForClick = Journey(
        $$"""[{ "type": "wait_for_event", "id": "w", "event_type": "email.clicked", "timeout": "1.00:00:00", "next": "e1", "timeout_next": null }, {{Email("e1", "")}}]""",
        "w");

    [Fact]
    public void Decide_WakeUpWhilePaused_IsHeldUntilResume()
    {
        var paused = JourneyDecider.Decide(HourThenEmail, Start(HourThenEmail).State, new PauseTrigger(T0.AddMinutes(10)), Context());

        var wakeWhilePaused = JourneyDecider.Decide(HourThenEmail, paused.State, new WakeUpTrigger("d#1/delay/0", T0.AddHours(1)), Context());
        var resumed = JourneyDecider.Decide(HourThenEmail, paused.State, new ResumeTrigger(T0.AddHours(3)), Context());

        Assert.Equal(JourneyStatus.Paused, paused.State.Status);
        Assert.Equal(JourneyStatus.Waiting, paused.State.PausedFrom);
        Assert.True(wakeWhilePaused.IsNoOp);
        Assert.Single(resumed.Sends);
        Assert.Equal(JourneyStatus.Completed, resumed.State.Status);
        Assert.Equal([HistoryKind.Resumed, HistoryKind.Decision, HistoryKind.Step, HistoryKind.Sent, HistoryKind.Ended], resumed.History.Select(h => h.Kind));
    }

    [Fact]
    public void Decide_Nudge_ChangesNothingInAnyStatus()
    {
        var waiting = Start(HourThenEmail);
        var paused = JourneyDecider.Decide(HourThenEmail, waiting.State, new PauseTrigger(T0.AddMinutes(10)), Context());
        var completed = JourneyDecider.Decide(HourThenEmail, waiting.State, new WakeUpTrigger("d#1/delay/0", T0.AddHours(1)), Context());

        foreach (var state in new[] { waiting.State, paused.State, completed.State })
        {
            Assert.True(JourneyDecider.Decide(HourThenEmail, state, new NudgeTrigger(T0.AddDays(2)), Context()).IsNoOp, state.Status.ToString());
        }

        Assert.Equal(JourneyStatus.Completed, completed.State.Status);
    }

    [Fact]
    public void Decide_ResumeBeforeTimerIsDue_SchedulesTheSameTimerAgain()
    {
        var paused = JourneyDecider.Decide(HourThenEmail, Start(HourThenEmail).State, new PauseTrigger(T0.AddMinutes(10)), Context());

        var resumed = JourneyDecider.Decide(HourThenEmail, paused.State, new ResumeTrigger(T0.AddMinutes(20)), Context());

        Assert.Equal(JourneyStatus.Waiting, resumed.State.Status);
        Assert.Equal(new ScheduleWakeUp("ji-test", "d#1/delay/0", T0.AddHours(1)), Assert.Single(resumed.WakeUps));
        Assert.Empty(resumed.Sends);
    }

    [Fact]
    public void Decide_AwaitedEventWhilePaused_IsHandledOnResume()
    {
        var paused = JourneyDecider.Decide(WaitForClick, Start(WaitForClick).State, new PauseTrigger(T0.AddMinutes(10)), Context());

        var held = Arrive(WaitForClick, paused.State, Event(EventTypes.EmailClicked, "{}", T0.AddMinutes(20), "ev-click"));
        var resumed = JourneyDecider.Decide(WaitForClick, held.State, new ResumeTrigger(T0.AddMinutes(30)), Context());

        Assert.Empty(held.Sends);
        Assert.Equal("ev-click", held.State.HeldEvent!.EventId);
        Assert.Single(resumed.Sends);
        Assert.Null(resumed.State.HeldEvent);
    }

    [Fact]
    public void Decide_GoalWhilePaused_StillExits()
    {
        var paused = JourneyDecider.Decide(HourThenEmail, Start(HourThenEmail).State, new PauseTrigger(T0.AddMinutes(10)), Context());

        var order = Arrive(HourThenEmail, paused.State, Event(EventTypes.OrderPlaced, "{}", T0.AddMinutes(20), "ev-order"));

        Assert.Equal(JourneyStatus.Exited, order.State.Status);
    }

    [Fact]
    public void Decide_PauseTwiceOrResumeWhenNotPaused_ChangesNothing()
    {
        var waiting = Start(HourThenEmail);
        var paused = JourneyDecider.Decide(HourThenEmail, waiting.State, new PauseTrigger(T0.AddMinutes(10)), Context());

        Assert.True(JourneyDecider.Decide(HourThenEmail, paused.State, new PauseTrigger(T0.AddMinutes(11)), Context()).IsNoOp);
        Assert.True(JourneyDecider.Decide(HourThenEmail, waiting.State, new ResumeTrigger(T0.AddMinutes(11)), Context()).IsNoOp);
    }

    [Fact]
    public void Decide_Cancel_EndsTheInstanceAndLaterTimersDoNothing()
    {
        var cancelled = JourneyDecider.Decide(HourThenEmail, Start(HourThenEmail).State, new CancelTrigger(T0.AddMinutes(5), "customer asked"), Context());

        var wake = JourneyDecider.Decide(HourThenEmail, cancelled.State, new WakeUpTrigger("d#1/delay/0", T0.AddHours(1)), Context());

        Assert.Equal(JourneyStatus.Cancelled, cancelled.State.Status);
        Assert.Equal(new EndInstance("ji-test", JourneyStatus.Cancelled, "customer asked"), Assert.Single(cancelled.Commands.OfType<EndInstance>()));
        Assert.Null(cancelled.State.Timer);
        Assert.True(wake.IsNoOp);
    }

    [Fact]
    public void Decide_SendResult_RecordsTheOutcomeInTheTimeline()
    {
        var waiting = Start(HourThenEmail);

        var result = JourneyDecider.Decide(HourThenEmail, waiting.State, new SendResultTrigger("jm-x", SendOutcome.Bounced, T0.AddMinutes(1)), Context());

        Assert.Equal(new HistoryEntry(T0.AddMinutes(1), HistoryKind.SendResult, "bounced", null, "jm-x"), Assert.Single(result.History));
        Assert.Equal(JourneyStatus.Waiting, result.State.Status);
    }
}
