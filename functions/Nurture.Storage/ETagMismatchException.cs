namespace Nurture.Storage;

/// <summary>
/// A conditional write (If-Match) found the entity changed since it was read: HTTP 412
/// <c>UpdateConditionNotSatisfied</c>. Catch this to re-read and retry an optimistic update.
/// </summary>
public sealed class ETagMismatchException : StorageRequestException
{
    /// <summary>Creates the exception from what the service answered.</summary>
    public ETagMismatchException(string? errorCode, string? requestId, string message)
        : base(412, errorCode ?? "UpdateConditionNotSatisfied", requestId, message)
    {
    }
}
