using Nurture.Channels.Sending;

namespace Nurture.Journeys.Tests.Infrastructure;

/// <summary>A channel whose provider refuses every message for good (a 4xx such as an invalid address).</summary>
public sealed class RejectingChannel : IMessageChannel
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(ChannelSendResult.Permanent("400 invalid recipient (simulated)"));
    }
}
