using Azure;
using Azure.Storage.Queues;

namespace Nurture.Storage.Queues;

/// <summary>Sends over the SDK's <see cref="QueueClient"/> with Azure's limits checked first (Azurite accepts larger messages).</summary>
public static class QueueClientExtensions
{
    /// <summary>
    /// Adds a message, invisible for <paramref name="visibilityDelay"/> (0 to 7 days, whole seconds) and kept for
    /// <paramref name="timeToLive"/> (default 7 days; <see cref="QueueLimits.NeverExpires"/> keeps it until deleted).
    /// Text over 64 KiB once encoded is refused with <see cref="MessageTooLargeException"/> before sending.
    /// </summary>
    public static async Task EnqueueAsync(this QueueClient queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(text);
        var size = QueueLimits.EncodedByteCount(text);
        if (size > QueueLimits.MaxMessageBytes)
        {
            throw new MessageTooLargeException(queue.Name, size);
        }

        if (timeToLive is { } ttl)
        {
            QueueLimits.ValidateTimeToLive(ttl);
        }

        var delay = visibilityDelay ?? TimeSpan.Zero;
        QueueLimits.ValidateVisibility(delay, timeToLive ?? QueueLimits.DefaultTimeToLive, nameof(visibilityDelay));
        await queue.SendMessageAsync(text, delay, timeToLive, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes a received message: false when it was already gone or <paramref name="popReceipt"/> is no longer its current
    /// one (another receiver has it now; the SDK reports these as 404 <c>MessageNotFound</c> and 400 <c>PopReceiptMismatch</c>).
    /// </summary>
    public static async Task<bool> DeleteIfCurrentAsync(this QueueClient queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404 || e.ErrorCode == "PopReceiptMismatch")
        {
            return false;
        }
    }
}
