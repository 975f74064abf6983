using Azure;

namespace Nurture.Storage;

/// <summary>
/// A conditional write (If-Match) found the entity changed since it was read: HTTP 412
/// <c>UpdateConditionNotSatisfied</c>. Catch this to re-read and retry an optimistic update.
/// </summary>
public sealed class ETagMismatchException : RequestFailedException
{
    /// <summary>Wraps the service's 412 answer.</summary>
    /// <param name="inner">What the SDK threw.</param>
    public ETagMismatchException(RequestFailedException inner)
        : base(412, "The entity changed since it was read (ETag mismatch).", inner?.ErrorCode ?? "UpdateConditionNotSatisfied", inner)
    {
    }
}
