namespace Nurture.LocalHost.Durable.Functions;

/// <summary>What the engine passes for one parameter of a bound function method.</summary>
internal enum FunctionParameterRole
{
    /// <summary>The orchestration context (orchestrators).</summary>
    OrchestrationContext,

    /// <summary>The activity's deserialized input (activities).</summary>
    ActivityInput,

    /// <summary>A <see cref="Microsoft.Azure.Functions.Worker.FunctionContext"/> for the invocation.</summary>
    FunctionContext,

    /// <summary>The engine's stopping token (activities).</summary>
    CancellationToken,
}
