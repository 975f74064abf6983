namespace Nurture.Storage.Queues;

/// <summary>
/// Operations on one queue. Implemented over the Queue REST API (<see cref="Rest.RestQueueClient"/>) and
/// in memory (<see cref="InMemory.InMemoryQueueClient"/>) with the same semantics; one contract test suite
/// runs against both. Message text is base64-encoded on the wire by default, as the Azure Functions
/// queue trigger expects.
/// </summary>
public interface IQueueClient
{
    /// <summary>The queue's name.</summary>
    string Name { get; }

    /// <summary>Creates the queue; true if it was created, false if it already existed.</summary>
    Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the queue; true if it was deleted, false if it did not exist.</summary>
    Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a message, invisible for <paramref name="visibilityDelay"/> (0 to 7 days) and kept for
    /// <paramref name="timeToLive"/> (default 7 days; <see cref="QueueLimits.NeverExpires"/> keeps it until
    /// deleted). Text over 64 KiB once encoded is rejected before sending.
    /// </summary>
    Task<SendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="maxMessages"/> (1-32) visible messages and hides them for
    /// <paramref name="visibilityTimeout"/> (default 30 s); each receive raises the dequeue count and
    /// issues a new pop receipt.
    /// </summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default);

    /// <summary>Looks at up to 32 visible messages without hiding them or changing their dequeue count.</summary>
    Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a received message's visibility and, when <paramref name="text"/> is given, its content.
    /// Returns the new pop receipt, which replaces the old one.
    /// </summary>
    Task<UpdateReceipt> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a received message; false when it was already gone or the pop receipt is no longer current.</summary>
    Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default);

    /// <summary>Approximate number of messages in the queue, visible or not.</summary>
    Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every message.</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);
}
