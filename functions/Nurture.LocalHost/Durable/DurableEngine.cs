using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Durable.Client;
using Nurture.LocalHost.Durable.Hosting;

namespace Nurture.LocalHost.Durable;

/// <summary>
/// The Durable Task Framework on its Azure Storage provider, serving one task hub: the app's orchestrators and
/// activities run through <see cref="DurableTaskShimFactory"/>, and <see cref="Client"/> is the
/// <see cref="DurableTaskClient"/> functions get. Started and stopped with the host.
/// </summary>
/// <remarks>
/// Stopping is graceful: activities see their cancellation token fire (one that gives up is abandoned and runs again
/// later, never reported as failed), in-flight work finishes, and the partitions are released for other workers.
/// If the host's shutdown timeout ends the wait, the rest is left to the queues' visibility timeouts. Disposing a
/// started engine without stopping it stops it without waiting for in-flight work.
/// </remarks>
public sealed partial class DurableEngine : IHostedService, IAsyncDisposable
{
    private readonly DurableEngineOptions _options;
    private readonly WorkerSlot _slot;
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly string _storageDescription;
    private int _state;

    /// <summary>Creates the engine; it takes this machine's worker slot for the hub until disposed.</summary>
    public DurableEngine(
        IOptions<DurableEngineOptions> options,
        DurableStorageAccount storage,
        DurableTaskRegistrations registrations,
        DataConverter dataConverter,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(dataConverter);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        if (new DurableEngineOptionsValidator().Validate(Options.DefaultName, _options) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DurableEngineOptions), invalid.Failures);
        }

        _logger = loggerFactory.CreateLogger<DurableEngine>();
        _storageDescription = storage.Description;
        _slot = WorkerSlot.Acquire(_options.HubName, _options.WorkerId, _options.WorkerSlotDirectory, _options.MaxWorkerSlots);
        try
        {
            _service = new AzureStorageOrchestrationService(AzureStorageSettingsFactory.Create(_options, storage, _slot.WorkerId, loggerFactory));
            var activation = new DurableTaskActivation(services, dataConverter, _stopping.Token);
            var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = dataConverter }, loggerFactory);
            var orchestrations = new NameOnlyObjectManager<TaskOrchestration>();
            var activities = new NameOnlyObjectManager<TaskActivity>();
            foreach (var (name, factory) in registrations.Orchestrators)
            {
                var task = new TaskName(name);

                // The shim is created per episode (DeferredOrchestrationShim says why).
                orchestrations.Add(new ShimCreator<TaskOrchestration>(task, () => new DeferredOrchestrationShim(task, factory, shims, activation)));
            }

            foreach (var (name, factory) in registrations.Activities)
            {
                var task = new TaskName(name);

                // Abandoned, not failed, when a stop cancels it: another worker runs it again.
                activities.Add(new ShimCreator<TaskActivity>(task, () => shims.CreateActivity(task, new AbandonOnStopActivity(factory(activation), activation.Stopping))));
            }

            // The SDK's shims report failures as FailureDetails, so TaskFailedException carries them in the orchestrator.
            _worker = new TaskHubWorker(_service, orchestrations, activities, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
            _worker.AddOrchestrationDispatcherMiddleware(ParentInstanceMiddleware.Invoke);
            Client = new LocalDurableTaskClient(_options.HubName, _service, _service, _service, dataConverter, loggerFactory.CreateLogger<LocalDurableTaskClient>());
        }
        catch
        {
            _slot.Dispose();
            throw;
        }
    }

    /// <summary>The task hub served.</summary>
    public string HubName => _options.HubName;

    /// <summary>The DTFx worker id this engine uses (see <see cref="WorkerSlot"/>).</summary>
    public string WorkerId => _slot.WorkerId;

    /// <summary>The client for the hub; usable before <see cref="StartAsync"/> (it creates the hub if needed).</summary>
    public LocalDurableTaskClient Client { get; }

    /// <summary>Creates the task hub's tables, queues and containers if missing, then starts the worker.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException($"The Durable engine for task hub {HubName} was already started.");
        }

        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _worker.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        LogStarted(_logger, HubName, WorkerId, _options.PartitionCount, _storageDescription);
    }

    /// <summary>Stops gracefully, or until <paramref name="cancellationToken"/> (the host's shutdown timeout) fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.StopAsync(isForced: false).WaitAsync(cancellationToken).ConfigureAwait(false);
            LogStopped(_logger, HubName, WorkerId, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopTimedOut(_logger, HubName, WorkerId, watch.ElapsedMilliseconds);
        }
    }

    /// <summary>Stops without draining if still running, then releases the storage clients and the worker slot.</summary>
    public async ValueTask DisposeAsync()
    {
        var previous = Interlocked.Exchange(ref _state, 3);
        if (previous == 3)
        {
            return;
        }

        if (previous == 1)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _worker.StopAsync(isForced: true).ConfigureAwait(false);
        }

        _worker.Dispose();
        _service.Dispose();
        _slot.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Durable engine started: task hub {HubName}, worker {WorkerId}, {PartitionCount} partitions, storage {Storage}")]
    private static partial void LogStarted(ILogger logger, string hubName, string workerId, int partitionCount, string storage);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Durable engine stopped: task hub {HubName}, worker {WorkerId}, in {ElapsedMs} ms")]
    private static partial void LogStopped(ILogger logger, string hubName, string workerId, long elapsedMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Durable engine for task hub {HubName} (worker {WorkerId}) did not drain within the shutdown timeout ({ElapsedMs} ms); unfinished work is redelivered after the queues' visibility timeouts")]
    private static partial void LogStopTimedOut(ILogger logger, string hubName, string workerId, long elapsedMs);
}
