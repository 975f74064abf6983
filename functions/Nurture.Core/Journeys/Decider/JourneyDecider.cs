using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;

namespace Nurture.Core.Journeys.Decider;

/// <summary>
/// The heart of journeys: a pure function from (definition, instance state, trigger) to (new state, commands).
/// </summary>
/// <remarks>
/// No clock reads (the trigger carries <c>Now</c>), no randomness (splits hash), no I/O (the runner loads the
/// contact view, recent sends and events into <see cref="DecisionContext"/> and applies the commands).
/// Triggers are delivered at least once, so every trigger is idempotent: a duplicate start, a stale or
/// repeated wake-up and a redelivered event return no commands, and sends carry deterministic message ids.
/// </remarks>
public static partial class JourneyDecider
{
    /// <summary>Most nodes entered in one decision; more means a loop without a wait slipped past validation.</summary>
    public const int MaxStepsPerDecision = 200;

    /// <summary>Decides what a trigger does to an instance.</summary>
    /// <param name="definition">The definition of the version the instance runs on.</param>
    /// <param name="state">The instance's current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="context">The contact view and send history.</param>
    /// <exception cref="ArgumentException">The definition is not the instance's journey version.</exception>
    public static DecisionResult Decide(JourneyDefinition definition, JourneyState state, JourneyTrigger trigger, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(definition.Id, state.JourneyId, StringComparison.Ordinal) || definition.Version != state.Version)
        {
            throw new ArgumentException(
                $"Instance runs on journey '{state.JourneyId}' version {state.Version}, but definition '{definition.Id}' version {definition.Version} was given.",
                nameof(definition));
        }

        var session = new DecisionSession(definition, state, context, trigger.Now);
        if (state.IsFinished && trigger is not SendResultTrigger)
        {
            return session.Result();
        }

        switch (trigger)
        {
            case StartTrigger:
                Start(session);
                break;
            case WakeUpTrigger wakeUp:
                WakeUp(session, wakeUp.TimerId);
                break;
            case EventArrivedTrigger arrived:
                EventArrived(session, arrived);
                break;
            case SendResultTrigger result:
                SendResult(session, result);
                break;
            case CancelTrigger cancel:
                session.End(JourneyStatus.Cancelled, cancel.Reason);
                break;
            case PauseTrigger:
                Pause(session);
                break;
            case ResumeTrigger:
                Resume(session);
                break;
            case NudgeTrigger:
                // Only the runner acts on a nudge (it applies leftover side effects before deciding).
                break;
            default:
                throw new ArgumentException($"Unknown trigger {trigger.GetType().Name}.", nameof(trigger));
        }

        return session.Result();
    }

    private static void Start(DecisionSession session)
    {
        if (session.State.Status != JourneyStatus.Pending)
        {
            return;
        }

        session.State = session.State with { StartedAt = session.Now };
        session.Record(HistoryKind.Started, $"started on version {session.Definition.Version}");
        MoveTo(session, session.Definition.Start, "start");
    }
}
