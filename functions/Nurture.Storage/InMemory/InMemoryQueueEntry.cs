namespace Nurture.Storage.InMemory;

/// <summary>One stored message; mutable only under its queue's gate.</summary>
internal sealed class InMemoryQueueEntry(string messageId, long sequence, DateTimeOffset insertedOn, DateTimeOffset? expiresOn)
{
    public string MessageId { get; } = messageId;

    public long Sequence { get; } = sequence;

    public DateTimeOffset InsertedOn { get; } = insertedOn;

    /// <summary>Null when the message never expires.</summary>
    public DateTimeOffset? ExpiresOn { get; } = expiresOn;

    /// <summary>The text as stored (base64 or raw, per the sending client's encoding).</summary>
    public required string WireText { get; set; }

    public required DateTimeOffset NextVisibleOn { get; set; }

    public required string PopReceipt { get; set; }

    public long DequeueCount { get; set; }
}
