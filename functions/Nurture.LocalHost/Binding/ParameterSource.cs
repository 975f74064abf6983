namespace Nurture.LocalHost.Binding;

/// <summary>Where the value of one parameter of a function method comes from.</summary>
internal enum ParameterSource
{
    /// <summary>The invocation's token: request aborted, <c>functionTimeout</c>, or the end of the shutdown timeout.</summary>
    CancellationToken,

    /// <summary>A <see cref="Microsoft.Azure.Functions.Worker.FunctionContext"/> for the invocation.</summary>
    FunctionContext,

    /// <summary>The <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> of a <c>durableClient</c> binding.</summary>
    DurableClient,

    /// <summary>ASP.NET Core's <see cref="Microsoft.AspNetCore.Http.HttpRequest"/> (the trigger).</summary>
    HttpRequest,

    /// <summary>ASP.NET Core's <see cref="Microsoft.AspNetCore.Http.HttpContext"/>.</summary>
    HttpContext,

    /// <summary>A route value by parameter name, converted to the parameter's type.</summary>
    RouteValue,

    /// <summary>The queue message's text.</summary>
    QueueText,

    /// <summary>The queue message's bytes as <see cref="BinaryData"/>.</summary>
    QueueBinary,

    /// <summary>The SDK's <see cref="Azure.Storage.Queues.Models.QueueMessage"/>.</summary>
    QueueMessage,

    /// <summary>The queue message's JSON, deserialized to the parameter's type.</summary>
    QueueJson,

    /// <summary>The worker's <see cref="Microsoft.Azure.Functions.Worker.TimerInfo"/>.</summary>
    TimerInfo,
}
