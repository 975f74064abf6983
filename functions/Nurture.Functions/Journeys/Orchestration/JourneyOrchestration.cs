using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>
/// One journey instance, for one (journey, contact, entry key): the orchestration that drives the pure decider through
/// its steps, with durable timers for delays and best-time waits and one external event for everything that happens
/// to the instance (<see cref="SignalName"/>).
/// </summary>
public sealed class JourneyOrchestration
{
    /// <summary>The external event every signal is raised as.</summary>
    public const string SignalName = "JourneySignal";

    /// <summary>Runs the instance (one execution; long instances continue as new).</summary>
    [Function(nameof(JourneyOrchestration))]
    public Task<JourneyOutcome?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.GetInput<JourneyRun>() ?? throw new InvalidOperationException($"Journey instance '{context.InstanceId}' was started without its input.");
        return JourneyOrchestrator.RunAsync(context, run);
    }
}
