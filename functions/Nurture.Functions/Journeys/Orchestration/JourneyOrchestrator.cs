using System.Text.Json;
using Microsoft.DurableTask;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>
/// The body of <see cref="JourneyOrchestration"/>: takes the next trigger (the start, a timer, a signal or a send's
/// outcome), has <see cref="JourneyDecider"/> decide on it at <c>CurrentUtcDateTime</c>, and hands the decision to one
/// activity that records it and carries it out. No I/O, clock or randomness of its own: it replays exactly.
/// </summary>
/// <remarks>
/// <para>Activities run at least once. Every side effect is idempotent: decisions are recorded under their number,
/// sends go through the send ledger keyed by the decider's message id, profile updates have set semantics.</para>
/// <para>A timer can fire up to a second early (queue visibility is whole seconds): a timer that fires before its due
/// time is armed again, so nothing is ever sent before it is due.</para>
/// <para>After <see cref="JourneyTiming.DecisionsPerExecution"/> decisions the instance continues as new with its state,
/// keeping the history bounded; signals not yet taken are carried over.</para>
/// </remarks>
public static partial class JourneyOrchestrator
{
    /// <summary>Runs one execution of an instance.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="run">The execution's input.</param>
    public static async Task<JourneyOutcome?> RunAsync(TaskOrchestrationContext context, JourneyRun run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var definition = JourneyJson.Parse(run.DefinitionJson);
        var state = JsonSerializer.Deserialize<JourneyState>(run.StateJson, JourneyJson.Options)
            ?? throw new InvalidOperationException($"Journey instance '{context.InstanceId}' has no state in its input.");
        var timing = run.Timing ?? JourneyTiming.Default;
        var contextJson = run.ContextJson;
        var decisions = run.Decisions;
        var queued = new Queue<JourneyTrigger>();
        if (state.Status == JourneyStatus.Pending)
        {
            queued.Enqueue(new StartTrigger(Now(context)));
        }

        var signals = new SignalWait();
        for (var made = 0; ;)
        {
            if (queued.Count == 0 && state.IsFinished)
            {
                return new JourneyOutcome(state.Status, state.EndReason);
            }

            if (queued.Count == 0 && made >= timing.DecisionsPerExecution)
            {
                context.ContinueAsNew(new JourneyRun(run.DefinitionJson, Serialize(state), decisions, Timing: run.Timing), preserveUnprocessedEvents: true);
                return null;
            }

            var trigger = queued.Count > 0 ? queued.Dequeue() : await NextTriggerAsync(context, state, signals);
            if (trigger is null)
            {
                continue;
            }

            var now = Now(context);
            var decisionContext = await ContextForAsync(context, definition, state, trigger, contextJson, now);
            contextJson = null;
            var result = JourneyDecider.Decide(definition, state, trigger with { Now = now }, decisionContext);
            if (result.IsNoOp)
            {
                continue;
            }

            decisions++;
            made++;
            state = result.State;
            context.SetCustomStatus(new JourneyProgress(state.JourneyId, state.Version, state.ContactId, state.Status, state.CurrentNodeId));
            foreach (var failed in await ApplyAsync(context, timing, state, decisions, result.Commands))
            {
                queued.Enqueue(new SendResultTrigger(failed.MessageId, SendOutcome.Failed, now, failed.Detail));
            }
        }
    }

    private static async Task<DecisionContext> ContextForAsync(
        TaskOrchestrationContext context, Core.Journeys.Model.JourneyDefinition definition, JourneyState state, JourneyTrigger trigger, string? contextJson, DateTimeOffset now)
    {
        if (trigger is CancelTrigger or PauseTrigger)
        {
            // Neither looks at the contact: save the activity.
            return new DecisionContext(new Core.Journeys.Contacts.JourneyContact(state.ContactId));
        }

        contextJson ??= await context.CallActivityAsync<string>(
            nameof(JourneyActivities.LoadJourneyContext),
            new LoadContextRequest(state.ContactId, state.StartedAt, definition.GoalsOrEmpty.Count > 0, now, definition.Nodes.Any(n => n is Core.Journeys.Model.Nodes.SendNode { BestTime: not null })),
            ActivityRetry);
        return JsonSerializer.Deserialize<DecisionContext>(contextJson, JourneyJson.Options)
            ?? throw new InvalidOperationException($"The decision context of instance '{state.InstanceId}' is empty.");
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private static string Serialize(JourneyState state) => JsonSerializer.Serialize(state, JourneyJson.Options);

    private static string Serialize(IReadOnlyList<JourneyCommand> commands) => JsonSerializer.Serialize(commands, JourneyJson.Options);
}
