using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Durable.Client;

/// <summary>
/// The <see cref="DurableTaskClient"/> that functions' <c>[DurableClient]</c> parameters receive on the local host,
/// over DTFx's own client interfaces of the Azure Storage provider, with the engine's converter.
/// </summary>
/// <remarks>
/// It follows Durable Functions (Azure Storage) semantics: a start whose instance id belongs to an unfinished instance
/// (Pending, Running, Suspended) is rejected with <see cref="OrchestrationAlreadyExistsException"/>, the exception the
/// SDK's gRPC client throws in Azure, and nothing is scheduled; a finished instance with that id is replaced by a new
/// execution unless <see cref="StartOrchestrationOptions.DedupeStatuses"/> lists its status. Raising an event to an
/// unknown instance does nothing; to a finished one it throws. Terminate, suspend and resume check the status first.
/// </remarks>
public sealed partial class LocalDurableTaskClient : DurableTaskClient
{
    private readonly IOrchestrationServiceClient _client;
    private readonly IOrchestrationServiceQueryClient _query;
    private readonly IOrchestrationServicePurgeClient _purge;
    private readonly DataConverter _converter;
    private readonly ILogger _logger;

    /// <summary>Creates a client for the task hub served by <paramref name="client"/>.</summary>
    public LocalDurableTaskClient(
        string hubName,
        IOrchestrationServiceClient client,
        IOrchestrationServiceQueryClient query,
        IOrchestrationServicePurgeClient purge,
        DataConverter converter,
        ILogger<LocalDurableTaskClient> logger)
        : base(hubName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(purge);
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _query = query;
        _purge = purge;
        _converter = converter;
        _logger = logger;
    }

    /// <summary>The converter for inputs, outputs and event payloads.</summary>
    public DataConverter DataConverter => _converter;

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        cancellation.ThrowIfCancellationRequested();
        var dedupeStatuses = StartDeduplication.StatusesFor(options?.DedupeStatuses);
        var instance = new OrchestrationInstance
        {
            InstanceId = string.IsNullOrEmpty(options?.InstanceId) ? Guid.NewGuid().ToString("N") : options.InstanceId,
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, _converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags is { Count: > 0 } tags ? new Dictionary<string, string>(tags) : null,
        };
        try
        {
            await _client.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupeStatuses).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            LogStartRejected(_logger, instance.InstanceId, orchestratorName.Name);
            throw new OrchestrationAlreadyExistsException($"An orchestration instance with the ID '{instance.InstanceId}' already exists and is not finished, or has a status in the start's dedupe statuses. {e.Message}", e);
        }

        LogStartScheduled(_logger, instance.InstanceId, orchestratorName.Name);
        return instance.InstanceId;
    }

    /// <inheritdoc />
    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var state = await GetStateAsync(instanceId, cancellation).ConfigureAwait(false);
        if (state is null)
        {
            LogEventForUnknownInstance(_logger, instanceId, eventName);
            return;
        }

        if (!OrchestrationStatusMapping.NotFinished.Contains(state.OrchestrationStatus))
        {
            throw new InvalidOperationException($"Cannot raise event {eventName} for orchestration instance {instanceId} because it is {state.OrchestrationStatus}.");
        }

        var raised = new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName };
        await SendAsync(instanceId, raised).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("The local Durable engine does not terminate sub-orchestrations recursively; terminate them by id.");
        }

        var state = await RequireStateAsync(instanceId, cancellation).ConfigureAwait(false);
        RequireStatus(state, "terminate", OrchestrationStatusMapping.NotFinished);
        await _client.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        var state = await RequireStateAsync(instanceId, cancellation).ConfigureAwait(false);
        RequireStatus(state, "suspend", [OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.ContinuedAsNew]);
        await SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        var state = await RequireStateAsync(instanceId, cancellation).ConfigureAwait(false);
        RequireStatus(state, "resume", [OrchestrationStatus.Suspended]);
        await SendAsync(instanceId, new ExecutionResumedEvent(-1, reason)).ConfigureAwait(false);
    }

    /// <summary>Nothing to release: the engine owns the orchestration service.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SendAsync(string instanceId, HistoryEvent historyEvent) =>
        _client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            // No execution id: the message goes to whichever execution is current (ContinueAsNew changes it).
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });

    private async Task<OrchestrationState> RequireStateAsync(string instanceId, CancellationToken cancellation) =>
        await GetStateAsync(instanceId, cancellation).ConfigureAwait(false)
        ?? throw new ArgumentException($"No orchestration instance with ID '{instanceId}' was found.", nameof(instanceId));

    private static void RequireStatus(OrchestrationState state, string operation, IReadOnlyList<OrchestrationStatus> allowed)
    {
        if (!allowed.Contains(state.OrchestrationStatus))
        {
            throw new InvalidOperationException($"Cannot {operation} the orchestration instance {state.OrchestrationInstance.InstanceId} because it is {state.OrchestrationStatus}.");
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Scheduled orchestration {InstanceId} ({Orchestrator})")]
    private static partial void LogStartScheduled(ILogger logger, string instanceId, string orchestrator);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Start of orchestration {InstanceId} ({Orchestrator}) rejected: an instance with that id exists")]
    private static partial void LogStartRejected(ILogger logger, string instanceId, string orchestrator);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Event {EventName} for unknown orchestration instance {InstanceId} dropped")]
    private static partial void LogEventForUnknownInstance(ILogger logger, string instanceId, string eventName);
}
