using Azure.Core;
using Azure.Core.Pipeline;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Harness;

/// <summary>
/// Counts storage requests (per call, so retries count once), in total and by <see cref="StorageRequestKind"/>, to
/// know how many storage operations, and which, a unit of work costs; and the <c>events-inbound</c> messages deleted
/// after their handler succeeded, to know when processing is done without asking Azurite (polling the queue's count
/// would add work to the side being measured).
/// </summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private static readonly string InboundMessagesPath = "/" + InboundQueue.QueueName + "/messages/";
    private readonly long[] _byKind = new long[Enum.GetValues<StorageRequestKind>().Length];
    private long _count;
    private long _inboundDeletes;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Messages deleted from <c>events-inbound</c>: one per processed delivery.</summary>
    public long InboundDeletes => Interlocked.Read(ref _inboundDeletes);

    /// <summary>The requests of each kind so far.</summary>
    public IReadOnlyDictionary<StorageRequestKind, long> ByKind() =>
        Enum.GetValues<StorageRequestKind>().ToDictionary(k => k, k => Interlocked.Read(ref _byKind[(int)k]));

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        var kind = Classify(message.Request.Method.Method, message.Request.Uri.Path, message.Request.Uri.Query);
        Interlocked.Increment(ref _byKind[(int)kind]);
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Delete && message.Response.Status == 204
            && message.Request.Uri.Path.Contains(InboundMessagesPath, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _inboundDeletes);
        }
    }

    /// <summary>Tells the kind of a Table or Queue service request from its method, path and query.</summary>
    public static StorageRequestKind Classify(string method, string path, string query)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var verb = method.ToUpperInvariant();
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            return StorageRequestKind.TableBatch;
        }

        if (path.EndsWith("/messages", StringComparison.Ordinal))
        {
            return verb switch
            {
                "GET" => StorageRequestKind.QueueReceive,
                "POST" => StorageRequestKind.QueueSend,
                _ => StorageRequestKind.Other,
            };
        }

        if (path.Contains("/messages/", StringComparison.Ordinal))
        {
            return verb switch
            {
                "DELETE" => StorageRequestKind.QueueDelete,
                "PUT" => StorageRequestKind.QueueUpdate,
                _ => StorageRequestKind.Other,
            };
        }

        if (path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal)
            || (query ?? string.Empty).Contains("comp=", StringComparison.Ordinal))
        {
            return StorageRequestKind.Other;
        }

        var entity = path.Contains("(PartitionKey=", StringComparison.Ordinal) || path.Contains("%28PartitionKey", StringComparison.Ordinal);
        return (verb, entity) switch
        {
            ("GET", true) => StorageRequestKind.TablePointRead,
            ("GET", false) => StorageRequestKind.TableQuery,
            ("POST", false) or (_, true) => StorageRequestKind.TableWrite,
            _ => StorageRequestKind.Other,
        };
    }
}
