using System.Collections.Concurrent;
using Nurture.Channels.Sending;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// The channel both sides send through: the outbox, with each distinct message id noted in memory as it arrives, so
/// the run knows when the last send happened without asking storage (which would add requests to what is measured).
/// </summary>
internal sealed class SendProbe(IMessageChannel inner, int expected) : IMessageChannel
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _arrived = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _calls;

    /// <summary>Channel calls, repeats included.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Distinct messages that reached the channel.</summary>
    public int Distinct => _arrived.Count;

    /// <summary>When each distinct message first arrived.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Arrivals => _arrived;

    /// <summary>Completes when <c>expected</c> distinct messages have arrived.</summary>
    public Task All => _all.Task;

    public async Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _calls);
        if (_arrived.TryAdd(message.MessageId, DateTimeOffset.UtcNow) && _arrived.Count >= expected)
        {
            _all.TrySetResult();
        }

        return result;
    }

    public Task<ChannelSendResult?> FindAcceptedAsync(string messageId, CancellationToken cancellationToken = default) =>
        inner.FindAcceptedAsync(messageId, cancellationToken);

    public Task<AcceptanceCheck> CheckAcceptedAsync(OutboundMessage message, DateTimeOffset attemptedSince, CancellationToken cancellationToken = default) =>
        inner.CheckAcceptedAsync(message, attemptedSince, cancellationToken);
}
