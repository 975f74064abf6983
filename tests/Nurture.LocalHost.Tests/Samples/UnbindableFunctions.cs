using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Function methods the local engine must refuse, each for a different reason.</summary>
public sealed class UnbindableFunctions
{
    [Function(nameof(OrchestratorWithInputParameter))]
    public static Task<string> OrchestratorWithInputParameter([OrchestrationTrigger] TaskOrchestrationContext context, string input) =>
        Task.FromResult(input);

#pragma warning disable DURABLE1001 // The wrong trigger type is the point of this sample.
    [Function(nameof(OrchestratorWithStringTrigger))]
    public static string OrchestratorWithStringTrigger([OrchestrationTrigger] string context) => context;
#pragma warning restore DURABLE1001

    [Function(nameof(FunctionWithTwoTriggers))]
    public static string FunctionWithTwoTriggers([OrchestrationTrigger] TaskOrchestrationContext context, [ActivityTrigger] string input) =>
        context.InstanceId + input;

    [Function(nameof(ActivityWithExtraService))]
    public static string ActivityWithExtraService([ActivityTrigger] string input, Greeter greeter) => greeter.Greet(input);

    [Function(nameof(NotDurable))]
    public static string NotDurable(string input) => input;

    public static string NoFunctionAttribute([ActivityTrigger] string input) => input;
}
