using System.Text;
using Nurture.Storage.Queues;

namespace Nurture.Storage.InMemory;

/// <summary>One in-memory queue.</summary>
public sealed class InMemoryQueueClient : IQueueClient
{
    private readonly InMemoryQueueService _service;

    internal InMemoryQueueClient(InMemoryQueueService service, string queueName)
    {
        QueueLimits.ValidateQueueName(queueName);
        _service = service;
        Name = queueName;
    }

    /// <inheritdoc />
    public string Name { get; }

    private DateTimeOffset Now => _service.TimeProvider.GetUtcNow();

    /// <inheritdoc />
    public Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(_service.Create(Name));

    /// <inheritdoc />
    public Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(_service.Delete(Name));

    /// <inheritdoc />
    public Task<SendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        CheckSize(text);
        if (timeToLive is { } ttl)
        {
            QueueLimits.ValidateTimeToLive(ttl);
        }

        var delay = visibilityDelay ?? TimeSpan.Zero;
        QueueLimits.ValidateVisibility(delay, timeToLive ?? QueueLimits.DefaultTimeToLive, nameof(visibilityDelay));
        return Locked(queue =>
        {
            var now = Now;
            var lifetime = timeToLive ?? QueueLimits.DefaultTimeToLive;
            var message = new InMemoryQueue.Message
            {
                Id = Guid.NewGuid().ToString("D"),
                Text = text,
                InsertedOn = now,
                ExpiresOn = lifetime == QueueLimits.NeverExpires ? null : now + lifetime,
                VisibleOn = now + delay,
                PopReceipt = NewReceipt(),
            };
            queue.Messages.Add(message);
            return new SendReceipt(message.Id, message.PopReceipt, message.InsertedOn, message.ExpiresOn, message.VisibleOn);
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        var visibility = visibilityTimeout ?? QueueLimits.DefaultVisibilityTimeout;
        QueueLimits.ValidateVisibility(visibility, null, nameof(visibilityTimeout));
        return Locked<IReadOnlyList<QueueMessage>>(queue =>
        {
            var now = Now;
            var taken = new List<QueueMessage>();
            foreach (var message in Visible(queue, now).Take(maxMessages).ToList())
            {
                message.DequeueCount++;
                message.PopReceipt = NewReceipt();
                message.VisibleOn = now + visibility;
                taken.Add(new QueueMessage(message.Id, message.PopReceipt, message.Text, message.DequeueCount, message.InsertedOn, message.ExpiresOn, message.VisibleOn));
            }

            return taken;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        return Locked<IReadOnlyList<PeekedMessage>>(queue => Visible(queue, Now)
            .Take(maxMessages)
            .Select(m => new PeekedMessage(m.Id, m.Text, m.DequeueCount, m.InsertedOn, m.ExpiresOn))
            .ToList());
    }

    /// <inheritdoc />
    public Task<UpdateReceipt> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        QueueLimits.ValidateVisibility(visibilityTimeout, null, nameof(visibilityTimeout));
        if (text is not null)
        {
            CheckSize(text);
        }

        return Locked(queue =>
        {
            var message = FindReceived(queue, messageId, popReceipt)
                ?? throw new StorageRequestException(404, "MessageNotFound", null, "The specified message does not exist, or its pop receipt is no longer current.");
            message.PopReceipt = NewReceipt();
            message.VisibleOn = Now + visibilityTimeout;
            if (text is not null)
            {
                message.Text = text;
            }

            return new UpdateReceipt(message.PopReceipt, message.VisibleOn);
        });
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return Locked(queue => FindReceived(queue, messageId, popReceipt) is { } message && queue.Messages.Remove(message));
    }

    /// <inheritdoc />
    public Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default) =>
        Locked(queue =>
        {
            Expire(queue, Now);
            return queue.Messages.Count;
        });

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken = default) => Locked(queue =>
    {
        queue.Messages.Clear();
        return true;
    });

    private static IEnumerable<InMemoryQueue.Message> Visible(InMemoryQueue queue, DateTimeOffset now)
    {
        Expire(queue, now);
        return queue.Messages.Where(m => m.VisibleOn <= now);
    }

    private static void Expire(InMemoryQueue queue, DateTimeOffset now) => queue.Messages.RemoveAll(m => m.ExpiresOn is { } expires && expires <= now);

    private InMemoryQueue.Message? FindReceived(InMemoryQueue queue, string messageId, string popReceipt)
    {
        Expire(queue, Now);
        return queue.Messages.Find(m => m.Id == messageId && m.PopReceipt == popReceipt);
    }

    private void CheckSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The wire form is base64 of UTF-8, as the REST client sends by default.
        var encoded = (Encoding.UTF8.GetByteCount(text) + 2) / 3 * 4;
        if (encoded > QueueLimits.MaxMessageBytes)
        {
            throw new MessageTooLargeException(Name, encoded);
        }
    }

    private Task<T> Locked<T>(Func<InMemoryQueue, T> action)
    {
        var queue = _service.Find(Name) ?? throw new StorageRequestException(404, "QueueNotFound", null, $"The queue '{Name}' does not exist.");
        lock (queue.Gate)
        {
            return Task.FromResult(action(queue));
        }
    }

    private static string NewReceipt() => Convert.ToBase64String(Guid.NewGuid().ToByteArray());
}
