using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;

namespace Nurture.Core.Journeys.Decider;

public static partial class JourneyDecider
{
    private static void EventArrived(DecisionSession session, EventArrivedTrigger trigger)
    {
        var arrived = EventSnapshot.From(trigger.Event);
        var state = session.State;
        if (state.SeenEventIdsOrEmpty.Contains(arrived.EventId)
            || string.Equals(arrived.EventId, state.Entry?.EventId, StringComparison.Ordinal))
        {
            return;
        }

        if (EventMatching.GoalMetByArrival(session.Definition, state, arrived, session.Contact, session.Now) is { } goal)
        {
            session.RememberEvent(arrived.EventId);
            session.End(JourneyStatus.Exited, $"goal '{goal.Name}' met by {arrived.Type}");
            return;
        }

        var waiting = state.Status == JourneyStatus.WaitingForEvent
            || (state.Status == JourneyStatus.Paused && state.PausedFrom == JourneyStatus.WaitingForEvent);
        if (!waiting || state.CurrentNodeId is null || session.Definition.FindNode(state.CurrentNodeId) is not WaitForEventNode wait
            || !EventMatching.Matches(wait.EventType, wait.Match, wait.Filter, arrived, state.Entry, session.Contact, session.Now))
        {
            return;
        }

        session.RememberEvent(arrived.EventId);
        if (state.Status == JourneyStatus.Paused)
        {
            session.State = session.State with { HeldEvent = arrived };
            session.Record(HistoryKind.Decision, $"{arrived.Type} arrived while paused; held until resume", wait.Id);
            return;
        }

        ResumeWait(session, wait, arrived);
    }

    private static void ResumeWait(DecisionSession session, WaitForEventNode wait, EventSnapshot arrived)
    {
        session.State = session.State with { Timer = null, LastEvent = arrived, HeldEvent = null };
        session.Record(HistoryKind.Decision, $"{arrived.Type} arrived", wait.Id);
        MoveTo(session, wait.Next, "event");
    }

    /// <summary>The name of the first goal met by an event the contact did since entering, if any.</summary>
    private static string? FirstMetGoal(DecisionSession session)
    {
        var state = session.State;
        var since = state.Entry?.OccurredAt ?? state.StartedAt ?? session.Now;
        foreach (var recent in session.Context.RecentEvents ?? [])
        {
            if (recent.OccurredAt < since || string.Equals(recent.EventId, state.Entry?.EventId, StringComparison.Ordinal))
            {
                continue;
            }

            var snapshot = EventSnapshot.From(recent);
            foreach (var goal in session.Definition.GoalsOrEmpty)
            {
                if (EventMatching.MeetsGoal(goal, snapshot, state.Entry, session.Contact, session.Now))
                {
                    return goal.Name;
                }
            }
        }

        return null;
    }
}
