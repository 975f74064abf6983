using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Catalog;
using Nurture.Storage.Queues;

namespace Nurture.LocalHost.Queues;

/// <summary>
/// Feeds one queue to one queue function with the Functions queue-trigger semantics: fetch <c>batchSize</c>
/// messages, fetch again once in-flight work drops to <c>newBatchThreshold</c>, back off randomly while the queue
/// is empty, hold each message invisible (renewed) while its handler runs, delete it on success, make it visible
/// again after <c>visibilityTimeout</c> on failure, and move it to <c>&lt;queue&gt;-poison</c> after
/// <c>maxDequeueCount</c> attempts.
/// </summary>
/// <remarks>
/// Delivery is at least once: a message is deleted only after its handler succeeded, so a crash or a lost pop
/// receipt means it comes back. On shutdown the loop stops fetching and waits for every message already fetched.
/// </remarks>
internal sealed partial class QueueFunctionListener
{
    private readonly QueueFunction _function;
    private readonly QueueClient _queue;
    private readonly QueueClient _poisonQueue;
    private readonly QueueListenerOptions _options;
    private readonly FunctionInvoker _invoker;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationToken _abort;
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly SemaphoreSlim _completed = new(0);
    private bool _poisonQueueCreated;
    private long _started;

    public QueueFunctionListener(
        QueueFunction function,
        QueueServiceClient queues,
        QueueListenerOptions options,
        FunctionInvoker invoker,
        ILogger logger,
        TimeProvider time,
        CancellationToken abort)
    {
        _function = function;
        _queue = queues.GetQueueClient(function.QueueName);
        _poisonQueue = queues.GetQueueClient(function.QueueName + UndecodableMessages.PoisonSuffix);
        _options = options;
        _invoker = invoker;
        _logger = logger;
        _time = time;
        _abort = abort;
    }

    /// <summary>Polls until <paramref name="stoppingToken"/> fires, then waits for in-flight messages.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var backoff = new PollingBackoff(_options.MaxPollingInterval);
        var threshold = _options.EffectiveNewBatchThreshold;
        QueueLog.ListenerStarted(_logger, _function.Name, _queue.Name, _options.BatchSize, threshold, _options.MaxPollingInterval);
        var queueReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await WaitForCapacityAsync(threshold, stoppingToken).ConfigureAwait(false))
            {
                break;
            }

            QueueMessage[] batch;
            try
            {
                if (!queueReady)
                {
                    await _queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    queueReady = true;
                }

                // Not cancellable: a receive cut off mid-flight could hide messages we never see until their hold expires.
                batch = (await _queue.ReceiveMessagesAsync(_options.BatchSize, _options.MessageHold, CancellationToken.None).ConfigureAwait(false)).Value;
            }
            catch (Exception e)
            {
                var delay = backoff.NextDelay();
                QueueLog.PollFailed(_logger, e, _queue.Name, e.GetType().Name, delay);
                await DelayAsync(delay, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (batch.Length == 0)
            {
                await DelayAsync(backoff.NextDelay(), stoppingToken).ConfigureAwait(false);
                continue;
            }

            backoff.Reset();
            foreach (var message in batch)
            {
                Start(message);
            }
        }

        QueueLog.ListenerStopping(_logger, _function.Name, _queue.Name, _inFlight.Count);
        await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
    }

    private void Start(QueueMessage message)
    {
        // Registered before the work starts, so a message that completes at once is never counted as still in flight.
        var key = Interlocked.Increment(ref _started);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[key] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await ProcessAsync(message).ConfigureAwait(false);
            }
            finally
            {
                _inFlight.TryRemove(key, out _);
                done.SetResult();
                _completed.Release();
            }
        });
    }

    private async Task<bool> WaitForCapacityAsync(int threshold, CancellationToken stoppingToken)
    {
        while (_inFlight.Count > threshold)
        {
            try
            {
                await _completed.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the loop condition ends the polling.
        }
    }
}
