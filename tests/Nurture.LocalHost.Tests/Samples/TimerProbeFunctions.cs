using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Arms timers one after another and reports, per timer, how far from its due time the orchestration resumed; and reads the clock once.</summary>
public static class TimerProbeFunctions
{
    [Function(nameof(TimerProbeOrchestration))]
    public static async Task<List<TimerProbeSample>> TimerProbeOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var request = context.GetInput<TimerProbeRequest>() ?? throw new InvalidOperationException("No timer probe request.");
        var samples = new List<TimerProbeSample>();
        foreach (var delay in request.DelaysSeconds)
        {
            var due = context.CurrentUtcDateTime.AddSeconds(delay);
            await context.CreateTimer(due, CancellationToken.None);
            samples.Add(new TimerProbeSample(delay, (context.CurrentUtcDateTime - due).TotalMilliseconds));
        }

        return samples;
    }

    [Function(nameof(ClockOrchestration))]
    public static DateTime ClockOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) => context.CurrentUtcDateTime;
}
