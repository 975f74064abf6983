using Azure.Core;
using Azure.Core.Pipeline;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>Counts storage requests (per call, so retries count once), to know how many storage operations an event costs.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
