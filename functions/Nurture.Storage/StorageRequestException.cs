using System.Net;

namespace Nurture.Storage;

/// <summary>
/// The one exception type for a storage request that failed: it carries the HTTP status, the
/// storage error code (<c>x-ms-error-code</c> or <c>odata.error.code</c>) and the request id.
/// </summary>
public class StorageRequestException : Exception
{
    /// <summary>Creates the exception from what the service answered.</summary>
    public StorageRequestException(int status, string? errorCode, string? requestId, string message, Exception? inner = null)
        : base(Describe(status, errorCode, requestId, message), inner)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>HTTP status of the failed response (0 when no response arrived).</summary>
    public int Status { get; }

    /// <summary>Storage error code such as <c>EntityAlreadyExists</c>, when the service sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's request id (<c>x-ms-request-id</c>), for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>True when the service answered 404.</summary>
    public bool IsNotFound => Status == (int)HttpStatusCode.NotFound;

    /// <summary>True when the service answered 409 (for example <c>EntityAlreadyExists</c>).</summary>
    public bool IsConflict => Status == (int)HttpStatusCode.Conflict;

    private static string Describe(int status, string? errorCode, string? requestId, string message) =>
        $"Storage request failed with {status}{(errorCode is null ? "" : $" {errorCode}")}: {message}" +
        (requestId is null ? "" : $" (request id {requestId})");
}
