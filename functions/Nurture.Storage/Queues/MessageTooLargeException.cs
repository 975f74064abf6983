namespace Nurture.Storage.Queues;

/// <summary>A message was refused before sending because it exceeds the 64 KiB limit once encoded.</summary>
public sealed class MessageTooLargeException : ArgumentException
{
    /// <summary>Creates the exception for a message of the given encoded size.</summary>
    public MessageTooLargeException(string queueName, int encodedBytes)
        : base($"A message for queue '{queueName}' is {encodedBytes} bytes once encoded; the limit is {QueueLimits.MaxMessageBytes}. Store large payloads elsewhere and enqueue a reference.")
    {
        QueueName = queueName;
        EncodedBytes = encodedBytes;
    }

    /// <summary>The queue the message was meant for.</summary>
    public string QueueName { get; }

    /// <summary>Size of the message text as it would have been sent.</summary>
    public int EncodedBytes { get; }
}
