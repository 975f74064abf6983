using System.Security.Cryptography;
using Nurture.Storage.Queues;

namespace Nurture.Storage.InMemory;

/// <summary>
/// One in-memory queue. Queue-level operations are here; messages are in <c>InMemoryQueueClient.Messages.cs</c>.
/// Every operation validates its arguments exactly as <c>RestQueueClient</c> does, then fails with a 404
/// <see cref="StorageRequestException"/> (<c>QueueNotFound</c>) when the queue does not exist, as the service does.
/// </summary>
public sealed partial class InMemoryQueueClient : IQueueClient
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

    /// <inheritdoc />
    public Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_service.Create(Name));
    }

    /// <inheritdoc />
    public Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_service.Delete(Name));
    }

    /// <inheritdoc />
    public Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queue = _service.Find(Name);
        lock (queue.Gate)
        {
            queue.RemoveExpired(Now);
            return Task.FromResult(queue.Messages.Count);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queue = _service.Find(Name);
        lock (queue.Gate)
        {
            queue.Messages.Clear();
        }

        return Task.CompletedTask;
    }

    private DateTimeOffset Now => _service.TimeProvider.GetUtcNow();

    // Opaque and unguessable, like the service's (which are base64 too).
    private static string NewPopReceipt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
