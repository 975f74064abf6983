namespace Nurture.Storage.Queues;

/// <summary>Queue service error codes (<see cref="StorageRequestException.ErrorCode"/>) that Nurture's clients act on.</summary>
public static class QueueErrorCodes
{
    /// <summary>The queue does not exist (404).</summary>
    public const string QueueNotFound = "QueueNotFound";

    /// <summary>The message does not exist, or has expired (404).</summary>
    public const string MessageNotFound = "MessageNotFound";

    /// <summary>The pop receipt is no longer the message's current one (400).</summary>
    public const string PopReceiptMismatch = "PopReceiptMismatch";
}
