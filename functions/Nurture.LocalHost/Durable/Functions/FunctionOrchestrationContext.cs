using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>
/// The context an <c>[OrchestrationTrigger]</c> function receives: the shim's context, with <see cref="GetInput{T}"/>
/// converting the raw input to whatever type the function asks for, as the Functions extension's own context does.
/// </summary>
internal sealed class FunctionOrchestrationContext : TaskOrchestrationContext
{
    private readonly TaskOrchestrationContext _inner;
    private readonly object? _input;
    private readonly DataConverter _converter;

    public FunctionOrchestrationContext(TaskOrchestrationContext inner, object? input, DataConverter converter)
    {
        _inner = inner;
        _input = input;
        _converter = converter;
    }

    /// <inheritdoc />
    public override TaskName Name => _inner.Name;

    /// <inheritdoc />
    public override string InstanceId => _inner.InstanceId;

    /// <inheritdoc />
    public override ParentOrchestrationInstance? Parent => _inner.Parent;

    /// <inheritdoc />
    public override DateTime CurrentUtcDateTime => _inner.CurrentUtcDateTime;

    /// <inheritdoc />
    public override bool IsReplaying => _inner.IsReplaying;

    /// <inheritdoc />
    public override string Version => _inner.Version;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Properties => _inner.Properties;

    /// <inheritdoc />
    public override TaskOrchestrationEntityFeature Entities => _inner.Entities;

    /// <inheritdoc />
    public override ILoggerFactory ReplaySafeLoggerFactory => _inner.ReplaySafeLoggerFactory;

    /// <summary>The inner context's factory is not reachable; its replay-safe one is, and replay safety nests harmlessly.</summary>
    protected override ILoggerFactory LoggerFactory => _inner.ReplaySafeLoggerFactory;

    /// <inheritdoc />
    public override T GetInput<T>() => _input switch
    {
        null => default!,
        T typed => typed,
        _ => _converter.Deserialize(_converter.Serialize(_input), typeof(T)) is T converted ? converted : default!,
    };

    /// <inheritdoc />
    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        _inner.CallActivityAsync<TResult>(name, input, options);

    /// <inheritdoc />
    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        _inner.CreateTimer(fireAt, cancellationToken);

    /// <inheritdoc />
    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    /// <inheritdoc />
    public override void SendEvent(string instanceId, string eventName, object payload) =>
        _inner.SendEvent(instanceId, eventName, payload);

    /// <inheritdoc />
    public override void SetCustomStatus(object? customStatus) => _inner.SetCustomStatus(customStatus);

    /// <inheritdoc />
    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        _inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    /// <inheritdoc />
    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    /// <inheritdoc />
    public override void ContinueAsNew(ContinueAsNewOptions options) => _inner.ContinueAsNew(options);

    /// <inheritdoc />
    public override Guid NewGuid() => _inner.NewGuid();

    /// <inheritdoc />
    public override int CompareVersionTo(string version) => _inner.CompareVersionTo(version);
}
