using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>An orchestration calling an activity several times; the activity uses DI and the FunctionContext; both log.</summary>
public sealed partial class GreetingFunctions(Greeter greeter, ActivityLedger ledger)
{
    [Function(nameof(GreetingOrchestration))]
    public static async Task<GreetingResult> GreetingOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var request = context.GetInput<GreetingRequest>() ?? throw new InvalidOperationException("No greeting request.");
        LogGreetingStarted(context.CreateReplaySafeLogger<GreetingFunctions>(), request.Times);
        var greetings = new List<string>();
        for (var i = 0; i < request.Times; i++)
        {
            greetings.Add(await context.CallActivityAsync<string>(nameof(SayHello), request.Name));
        }

        return new GreetingResult(greetings, context.InstanceId);
    }

    [Function(nameof(SayHello))]
    public string SayHello([ActivityTrigger] string name, FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        ledger.Record(name, nameof(SayHello));
        LogSaidHello(functionContext.GetLogger<GreetingFunctions>(), functionContext.FunctionDefinition.Name);
        return $"{greeter.Greet(name)} ({functionContext.FunctionDefinition.Name})";
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Greeting started: {Times} greetings")]
    public static partial void LogGreetingStarted(ILogger logger, int times);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Said hello in {Function}")]
    public static partial void LogSaidHello(ILogger logger, string function);
}
