using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Binding;
using Nurture.Storage.Queues;

namespace Nurture.LocalHost.Queues;

/// <summary>One message's life: hold, run, then delete, retry later or move to poison.</summary>
internal sealed partial class QueueFunctionListener
{
    private async Task ProcessAsync(QueueMessage message)
    {
        if (message.DequeueCount > _options.MaxDequeueCount)
        {
            // Received more often than allowed without ever completing (its host crashed each time): poison it unrun.
            try
            {
                await MoveToPoisonAsync(message, message.PopReceipt, new InvalidOperationException(
                    $"Dequeued {message.DequeueCount} times without completing; maxDequeueCount is {_options.MaxDequeueCount}.")).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                QueueLog.CompletionFailed(_logger, e, _queue.Name, message.MessageId, e.GetType().Name);
            }

            return;
        }

        var receipt = new ReceiptHolder(message.PopReceipt);
        using var renewal = new CancellationTokenSource();
        var renewing = KeepHiddenAsync(message.MessageId, receipt, renewal.Token);
        Exception? failure = null;
        try
        {
            var details = $"queue {_queue.Name}, message {message.MessageId}, dequeue count {message.DequeueCount}";
            await _invoker.InvokeAsync(_function, new InvocationTrigger.Queue(message), details, _abort).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        await renewal.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        try
        {
            if (failure is null)
            {
                if (!await _queue.DeleteIfCurrentAsync(message.MessageId, receipt.PopReceipt).ConfigureAwait(false))
                {
                    QueueLog.DeleteFoundNothing(_logger, _queue.Name, message.MessageId);
                }

                return;
            }

            switch (QueueFailurePolicy.Decide(message.DequeueCount, _options.MaxDequeueCount))
            {
                case QueueFailureAction.MoveToPoison:
                    await MoveToPoisonAsync(message, receipt.PopReceipt, failure).ConfigureAwait(false);
                    break;
                default:
                    await _queue.UpdateMessageAsync(message.MessageId, receipt.PopReceipt, visibilityTimeout: _options.VisibilityTimeout).ConfigureAwait(false);
                    QueueLog.RetryScheduled(_logger, _queue.Name, message.MessageId, message.DequeueCount, _options.MaxDequeueCount, _options.VisibilityTimeout);
                    break;
            }
        }
        catch (Exception e)
        {
            // The message stays hidden until its hold ends and is then delivered again: nothing is lost.
            QueueLog.CompletionFailed(_logger, e, _queue.Name, message.MessageId, e.GetType().Name);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt, Exception failure)
    {
        if (!_poisonQueueCreated)
        {
            await _poisonQueue.CreateIfNotExistsAsync().ConfigureAwait(false);
            _poisonQueueCreated = true;
        }

        // Copy first, delete second: a crash in between leaves a duplicate, never a loss.
        await _poisonQueue.SendMessageAsync(message.Body).ConfigureAwait(false);
        await _queue.DeleteIfCurrentAsync(message.MessageId, popReceipt).ConfigureAwait(false);
        QueueLog.MovedToPoison(_logger, _queue.Name, message.MessageId, message.DequeueCount, _poisonQueue.Name, failure.GetType().Name, failure.Message);
    }

    private async Task KeepHiddenAsync(string messageId, ReceiptHolder receipt, CancellationToken stop)
    {
        // A third of the hold leaves two chances to renew before it lapses, even when a renewal is slow.
        var interval = _options.MessageHold / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                // Not cancellable: the new pop receipt must be kept even if the handler finishes meanwhile.
                var updated = await _queue.UpdateMessageAsync(messageId, receipt.PopReceipt, visibilityTimeout: _options.MessageHold).ConfigureAwait(false);
                receipt.PopReceipt = updated.Value.PopReceipt;
            }
            catch (Exception e)
            {
                QueueLog.RenewalFailed(_logger, e, _queue.Name, messageId, e.GetType().Name);
                return;
            }
        }
    }

    private sealed class ReceiptHolder(string popReceipt)
    {
        public string PopReceipt { get; set; } = popReceipt;
    }
}
