using System.Globalization;
using System.Text.Json;
using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Core.Journeys.Decider;

public static partial class JourneyDecider
{
    private static NodeStep ExecuteDelay(DecisionSession session, DelayNode node)
    {
        var wait = node.Duration ?? TimeSpan.Zero;
        if (node.DaysFrom is { } path)
        {
            var days = ConditionEvaluator.Resolve(path, JourneyScope(session));
            if (days is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var value) && value >= 0)
            {
                wait = TimeSpan.FromDays(value);
            }
            else
            {
                session.Record(HistoryKind.Note, $"'{path}' has no day count, using the fixed duration", node.Id);
            }
        }

        var due = session.Now + wait;
        if (node.AtLocalTime is { } at)
        {
            due = LocalTimes.NextOccurrence(due, session.Zone, at);
        }

        if (due <= session.Now)
        {
            session.Record(HistoryKind.Decision, "delay already over", node.Id);
            return NodeStep.Go(node.Next);
        }

        session.SetTimer(node.Id, TimerPurpose.Delay, due, JourneyStatus.Waiting);
        session.Record(HistoryKind.Waiting, $"delay until {due:O}", node.Id);
        return NodeStep.Stop;
    }

    private static NodeStep ExecuteWait(DecisionSession session, WaitForEventNode node)
    {
        var due = session.Now + node.Timeout;
        session.SetTimer(node.Id, TimerPurpose.WaitTimeout, due, JourneyStatus.WaitingForEvent);
        session.Record(HistoryKind.Waiting, $"waiting for {node.EventType} until {due:O}", node.Id);
        return NodeStep.Stop;
    }

    private static void WakeUp(DecisionSession session, string timerId)
    {
        var timer = session.State.Timer;
        if (timer is null || !string.Equals(timer.TimerId, timerId, StringComparison.Ordinal)
            || session.State.Status == JourneyStatus.Paused)
        {
            // Stale or repeated wake-ups change nothing; a paused instance handles its due timer on resume.
            return;
        }

        if (session.Now < timer.DueAt)
        {
            // Early (a chained wait longer than the queue's visibility limit, or clock skew): ask again for the due time.
            session.Add(new ScheduleWakeUp(session.State.InstanceId, timer.TimerId, timer.DueAt));
            return;
        }

        HandleTimer(session, timer);
    }

    private static void HandleTimer(DecisionSession session, PendingTimer timer)
    {
        var node = session.Definition.FindNode(timer.NodeId);
        session.State = session.State with { Timer = null };
        switch (node)
        {
            case DelayNode delay when timer.Purpose == TimerPurpose.Delay:
                session.Record(HistoryKind.Decision, "delay over", node.Id);
                MoveTo(session, delay.Next, "delay");
                break;
            case WaitForEventNode wait when timer.Purpose == TimerPurpose.WaitTimeout:
                session.Record(HistoryKind.Decision, $"timed out waiting for {wait.EventType}", node.Id);
                MoveTo(session, wait.TimeoutNext, "timeout");
                break;
            case SendNode send when timer.Purpose is TimerPurpose.SendDeferred or TimerPurpose.BestTime:
                Rerun(session, send);
                break;
            default:
                session.End(JourneyStatus.Exited, string.Create(CultureInfo.InvariantCulture, $"timer for node '{timer.NodeId}' does not fit the definition"));
                break;
        }
    }

    private static ConditionScope JourneyScope(DecisionSession session) => new(
        session.Contact,
        session.Now,
        session.State.Entry?.Properties,
        session.State.Entry?.Properties,
        session.State.LastEvent?.Properties);
}
