using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Core.Journeys.Decider;

public static partial class JourneyDecider
{
    private static void Pause(DecisionSession session)
    {
        var status = session.State.Status;
        if (status is not (JourneyStatus.Waiting or JourneyStatus.WaitingForEvent))
        {
            return;
        }

        session.State = session.State with { Status = JourneyStatus.Paused, PausedFrom = status };
        session.Record(HistoryKind.Paused, "paused", session.State.CurrentNodeId);
    }

    private static void Resume(DecisionSession session)
    {
        var state = session.State;
        if (state.Status != JourneyStatus.Paused)
        {
            return;
        }

        session.State = state with { Status = state.PausedFrom ?? JourneyStatus.Waiting, PausedFrom = null };
        session.Record(HistoryKind.Resumed, "resumed", state.CurrentNodeId);
        var current = state.CurrentNodeId is null ? null : session.Definition.FindNode(state.CurrentNodeId);
        if (state.HeldEvent is { } held && current is WaitForEventNode wait)
        {
            ResumeWait(session, wait, held);
            return;
        }

        if (state.Timer is { } timer)
        {
            if (timer.DueAt <= session.Now)
            {
                HandleTimer(session, timer);
            }
            else
            {
                // The wake-up may have been consumed while paused; a second one for the same timer is harmless.
                session.Add(new ScheduleWakeUp(state.InstanceId, timer.TimerId, timer.DueAt));
            }
        }
    }
}
