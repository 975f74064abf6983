using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>A step, a durable timer, then a step that can be held open: the shape the restart tests interrupt.</summary>
public sealed class StepFunctions(ActivityLedger ledger, StepGate gate)
{
    public const string First = "first";
    public const string Second = "second";

    [Function(nameof(StepsOrchestration))]
    public static async Task<string> StepsOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        var request = context.GetInput<StepsRequest>() ?? throw new InvalidOperationException("No steps request.");
        var first = await context.CallActivityAsync<string>(nameof(RecordStep), new StepInput(context.InstanceId, First));
        context.SetCustomStatus("paused");
        await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(request.PauseSeconds), CancellationToken.None);
        context.SetCustomStatus("finishing");
        var second = await context.CallActivityAsync<string>(nameof(SlowStep), new StepInput(context.InstanceId, Second));
        return $"{first}+{second}";
    }

    [Function(nameof(RecordStep))]
    public string RecordStep([ActivityTrigger] StepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ledger.Record(input.InstanceId, input.Step);
        return input.Step;
    }

    [Function(nameof(SlowStep))]
    public async Task<string> SlowStep([ActivityTrigger] StepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ledger.Record(input.InstanceId, input.Step);
        await gate.BeforeSlowStep(input, cancellationToken);
        return input.Step;
    }
}
