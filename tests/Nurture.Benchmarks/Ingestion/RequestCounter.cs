using Azure.Core;
using Azure.Core.Pipeline;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>
/// Counts storage requests (per call, so retries count once), to know how many storage operations an event costs,
/// and the <c>events-inbound</c> messages deleted after their handler succeeded, to know when processing is done
/// without asking Azurite (polling the queue's count would add work to the side being measured).
/// </summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private static readonly string InboundMessagesPath = "/" + InboundQueue.QueueName + "/messages/";
    private long _count;
    private long _inboundDeletes;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Messages deleted from <c>events-inbound</c>: one per processed delivery.</summary>
    public long InboundDeletes => Interlocked.Read(ref _inboundDeletes);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Delete && message.Response.Status == 204
            && message.Request.Uri.Path.Contains(InboundMessagesPath, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _inboundDeletes);
        }
    }
}
