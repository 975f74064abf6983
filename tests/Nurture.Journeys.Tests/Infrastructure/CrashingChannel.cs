using Nurture.Channels.Sending;

namespace Nurture.Journeys.Tests.Infrastructure;

/// <summary>
/// A channel that, the first time it sees each message id, hands the message to the real channel and then
/// throws: the provider accepted it but the process died before the ledger heard back.
/// </summary>
public sealed class CrashingChannel(Func<IMessageChannel> inner, bool findsAccepted = true) : IMessageChannel
{
    private readonly HashSet<string> _crashed = [];
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var result = await inner().SendAsync(message, cancellationToken).ConfigureAwait(false);
        bool first;
        lock (_crashed)
        {
            first = _crashed.Add(message.MessageId);
        }

        return first ? throw new IOException("simulated crash after the channel accepted the message") : result;
    }

    /// <summary>Asks the real channel, or, like a provider that cannot be searched, cannot tell.</summary>
    public Task<ChannelSendResult?> FindAcceptedAsync(string messageId, CancellationToken cancellationToken = default) =>
        findsAccepted ? inner().FindAcceptedAsync(messageId, cancellationToken) : Task.FromResult<ChannelSendResult?>(null);
}
