namespace Nurture.Storage.Tables;

/// <summary>
/// An entity group transaction was rejected as a whole (nothing was written); <see cref="FailedIndex"/>
/// names the operation that failed, when the service said which.
/// </summary>
public sealed class TableTransactionFailedException : StorageRequestException
{
    /// <summary>Creates the exception from what the service answered.</summary>
    public TableTransactionFailedException(int status, string? errorCode, string? requestId, int? failedIndex, string message)
        : base(status, errorCode, requestId, failedIndex is null ? message : $"operation {failedIndex}: {message}")
    {
        FailedIndex = failedIndex;
    }

    /// <summary>Zero-based index of the failing operation in the submitted list.</summary>
    public int? FailedIndex { get; }
}
