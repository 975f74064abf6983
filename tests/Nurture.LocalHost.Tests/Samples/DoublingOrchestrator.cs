using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Class-based tasks registered through factories rather than function methods.</summary>
public sealed class DoublingOrchestrator : TaskOrchestrator<int, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
        context.CallActivityAsync<int>(nameof(DoublingActivity), input);
}
