using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Waits for an external event with a durable-timer timeout, reporting progress in its custom status.</summary>
public static class ApprovalFunctions
{
    public const string DecisionEvent = "Decision";

    [Function(nameof(ApprovalOrchestration))]
    public static async Task<string> ApprovalOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var request = context.GetInput<ApprovalRequest>() ?? throw new InvalidOperationException("No approval request.");
        context.SetCustomStatus("waiting");
        using var timeout = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<ApprovalDecision>(DecisionEvent, timeout.Token);
        var timer = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(request.TimeoutSeconds), timeout.Token);
        if (await Task.WhenAny(decision, timer) == decision)
        {
            // Cancel synchronously: CancelAsync would leave the orchestration's single-threaded episode.
            timeout.Cancel();
            var result = await decision;
            context.SetCustomStatus("decided");
            return $"{request.Subject}: {(result.Approved ? "approved" : "rejected")} by {result.By}";
        }

        context.SetCustomStatus("timed out");
        return $"{request.Subject}: timed out";
    }
}
