using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Restarts itself with ContinueAsNew until its counter reaches zero, the way long-lived journeys bound their history.</summary>
public static class CountdownFunctions
{
    public const int Landed = 42;

    [Function(nameof(CountdownOrchestration))]
    public static int CountdownOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var remaining = context.GetInput<int>();
        if (remaining > 0)
        {
            context.ContinueAsNew(remaining - 1);
            return remaining;
        }

        return Landed;
    }
}
