using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>A parent calling a sub-orchestration that reports who its parent is, and an activity that fails.</summary>
public static class FamilyFunctions
{
    public const string FailureMessage = "The activity failed on purpose.";

    [Function(nameof(ParentOrchestration))]
    public static async Task<string> ParentOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var childSaysParentIs = await context.CallSubOrchestratorAsync<string>(nameof(ChildOrchestration));
        try
        {
            await context.CallActivityAsync(nameof(FailingActivity), 7);
            return "the failing activity succeeded";
        }
        catch (TaskFailedException e)
        {
            return $"{childSaysParentIs}|{e.FailureDetails.ErrorType}|{e.FailureDetails.ErrorMessage}";
        }
    }

    [Function(nameof(ChildOrchestration))]
    public static string ChildOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        $"{context.Parent?.Name.Name}:{context.Parent?.InstanceId}";

    [Function(nameof(FailingActivity))]
    public static void FailingActivity([ActivityTrigger] int attempt) =>
        throw new InvalidOperationException($"{FailureMessage} ({attempt})");

    [Function(nameof(UncaughtFailureOrchestration))]
    public static Task UncaughtFailureOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync(nameof(FailingActivity), 1);
}
