using Nurture.Channels.Sending;

namespace Nurture.Journeys.Tests.Infrastructure;

/// <summary>A channel whose provider is down (every send a transient failure) until <see cref="Restore"/>.</summary>
public sealed class OutageChannel(Func<IMessageChannel> inner) : IMessageChannel
{
    private int _down = 1;
    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    public void Restore() => Volatile.Write(ref _down, 0);

    public Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _down) == 1)
        {
            Interlocked.Increment(ref _refused);
            return Task.FromResult(ChannelSendResult.Transient("503 from the provider (simulated outage)"));
        }

        return inner().SendAsync(message, cancellationToken);
    }
}
