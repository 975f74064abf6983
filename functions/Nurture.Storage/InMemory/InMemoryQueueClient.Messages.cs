using Nurture.Storage.Queues;

namespace Nurture.Storage.InMemory;

/// <summary>Message operations: put, get, peek, update and delete.</summary>
public sealed partial class InMemoryQueueClient
{
    /// <inheritdoc />
    public Task<SendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var (visibility, ttl) = QueueArguments.ForSend(text, visibilityDelay, timeToLive);
        QueueWireText.CheckSize(Name, text, _service.MessageEncoding);
        var wire = QueueWireText.ToWire(text, _service.MessageEncoding);
        cancellationToken.ThrowIfCancellationRequested();
        var queue = _service.Find(Name);
        var now = Now;
        DateTimeOffset? expires = ttl switch
        {
            null => now + QueueLimits.DefaultTimeToLive,
            QueueArguments.NeverExpiresSeconds => null,
            { } seconds => now.AddSeconds(seconds),
        };
        lock (queue.Gate)
        {
            var entry = new InMemoryQueueEntry(Guid.NewGuid().ToString("D"), queue.NextSequence++, now, expires)
            {
                WireText = wire,
                NextVisibleOn = now.AddSeconds(visibility),
                PopReceipt = NewPopReceipt(),
            };
            queue.Messages.Add(entry);
            return Task.FromResult(new SendReceipt(entry.MessageId, entry.PopReceipt, entry.InsertedOn, entry.ExpiresOn, entry.NextVisibleOn));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var visibility = QueueArguments.ForReceive(maxMessages, visibilityTimeout);
        cancellationToken.ThrowIfCancellationRequested();
        var queue = _service.Find(Name);
        var now = Now;
        lock (queue.Gate)
        {
            queue.RemoveExpired(now);
            var taken = queue.Visible(now, maxMessages);
            var result = new QueueMessage[taken.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var entry = taken[i];
                entry.DequeueCount++;
                entry.PopReceipt = NewPopReceipt();
                entry.NextVisibleOn = now.AddSeconds(visibility);
                result[i] = new QueueMessage(
                    entry.MessageId, entry.PopReceipt, QueueWireText.FromWire(entry.WireText, _service.MessageEncoding),
                    entry.DequeueCount, entry.InsertedOn, entry.ExpiresOn, entry.NextVisibleOn);
            }

            return Task.FromResult<IReadOnlyList<QueueMessage>>(result);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        cancellationToken.ThrowIfCancellationRequested();
        var queue = _service.Find(Name);
        var now = Now;
        lock (queue.Gate)
        {
            queue.RemoveExpired(now);
            var seen = queue.Visible(now, maxMessages);
            var result = new PeekedMessage[seen.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var entry = seen[i];
                result[i] = new PeekedMessage(entry.MessageId, QueueWireText.FromWire(entry.WireText, _service.MessageEncoding), entry.DequeueCount, entry.InsertedOn, entry.ExpiresOn);
            }

            return Task.FromResult<IReadOnlyList<PeekedMessage>>(result);
        }
    }

    /// <inheritdoc />
    /// <remarks>A stale pop receipt fails with 400 <c>PopReceiptMismatch</c>, a message that is gone with 404 <c>MessageNotFound</c>, as on the service.</remarks>
    public Task<UpdateReceipt> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default)
    {
        var visibility = QueueArguments.ForUpdate(messageId, popReceipt, visibilityTimeout);
        string? wire = null;
        if (text is not null)
        {
            QueueWireText.CheckSize(Name, text, _service.MessageEncoding);
            wire = QueueWireText.ToWire(text, _service.MessageEncoding);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var queue = _service.Find(Name);
        var now = Now;
        lock (queue.Gate)
        {
            queue.RemoveExpired(now);
            var entry = Current(queue, messageId, popReceipt);
            if (wire is not null)
            {
                entry.WireText = wire;
            }

            entry.PopReceipt = NewPopReceipt();
            entry.NextVisibleOn = now.AddSeconds(visibility);
            return Task.FromResult(new UpdateReceipt(entry.PopReceipt, entry.NextVisibleOn));
        }
    }

    /// <inheritdoc />
    /// <remarks>False for a message that is gone or a pop receipt replaced by a later receive or update; a missing queue throws.</remarks>
    public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        QueueArguments.ForMessage(messageId, popReceipt);
        cancellationToken.ThrowIfCancellationRequested();
        var queue = _service.Find(Name);
        lock (queue.Gate)
        {
            queue.RemoveExpired(Now);
            var entry = queue.Find(messageId);
            if (entry is null || entry.PopReceipt != popReceipt)
            {
                return Task.FromResult(false);
            }

            queue.Messages.Remove(entry);
            return Task.FromResult(true);
        }
    }

    private static InMemoryQueueEntry Current(InMemoryQueue queue, string messageId, string popReceipt)
    {
        var entry = queue.Find(messageId)
            ?? throw new StorageRequestException(404, QueueErrorCodes.MessageNotFound, null, "The specified message does not exist.");
        return entry.PopReceipt == popReceipt
            ? entry
            : throw new StorageRequestException(400, QueueErrorCodes.PopReceiptMismatch, null, "The specified pop receipt did not match the pop receipt for a dequeued message.");
    }
}
