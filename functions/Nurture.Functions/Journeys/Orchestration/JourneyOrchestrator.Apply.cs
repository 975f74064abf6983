using Microsoft.DurableTask;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Functions.Journeys.Orchestration;

public static partial class JourneyOrchestrator
{
    /// <summary>Retries of an activity that failed on an exception (storage unreachable, a crash mid-call).</summary>
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>
    /// Records decision <paramref name="decision"/> and carries out its commands. A send the channel cannot take now
    /// (429, 5xx, an outage) is tried again after a durable wait that doubles each time, for up to
    /// <see cref="JourneyTiming.SendRetryLimit"/>; returns the sends that failed for good, so their outcome is decided and shown.
    /// </summary>
    private static async Task<IReadOnlyList<SendReport>> ApplyAsync(TaskOrchestrationContext context, JourneyTiming timing, JourneyState state, int decision, IReadOnlyList<JourneyCommand> commands)
    {
        var stateJson = Serialize(state);
        var reports = await context.CallActivityAsync<List<SendReport>>(
            nameof(JourneyActivities.ApplyJourneyDecision), new ApplyDecisionRequest(state.InstanceId, decision, stateJson, Serialize(commands), Record: true), ActivityRetry);
        var failed = reports.Where(r => !r.Transient && r.Outcome == SendOutcome.Failed).ToList();
        var waiting = commands.OfType<SendMessage>().Where(s => reports.Any(r => r.Transient && r.MessageId == s.MessageId)).ToList();
        var giveUpAt = context.CurrentUtcDateTime + timing.SendRetryLimit;
        var delay = timing.FirstSendRetry;
        while (waiting.Count > 0)
        {
            if (context.CurrentUtcDateTime + delay > giveUpAt)
            {
                failed.AddRange(waiting.Select(s => new SendReport(s.MessageId, SendOutcome.Failed, Detail: $"the channel kept failing for {timing.SendRetryLimit}")));
                break;
            }

            await WaitUntilAsync(context, context.CurrentUtcDateTime + delay, CancellationToken.None);
            delay = delay * 2 > timing.LongestSendRetry ? timing.LongestSendRetry : delay * 2;
            var retried = await context.CallActivityAsync<List<SendReport>>(
                nameof(JourneyActivities.ApplyJourneyDecision), new ApplyDecisionRequest(state.InstanceId, decision, stateJson, Serialize(waiting), Record: false), ActivityRetry);
            failed.AddRange(retried.Where(r => !r.Transient && r.Outcome == SendOutcome.Failed));
            waiting = waiting.Where(s => retried.Any(r => r.Transient && r.MessageId == s.MessageId)).ToList();
        }

        return failed;
    }
}
