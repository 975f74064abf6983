namespace Nurture.Channels.Sending;

/// <summary>The channel port: hands one rendered message to a provider (or the outbox).</summary>
/// <remarks>
/// Implementations must be idempotent by <see cref="OutboundMessage.MessageId"/> as far as the provider allows:
/// the runner sends again under the same id after a crash between handing a message over and recording it.
/// </remarks>
public interface IMessageChannel
{
    /// <summary>Sends the message. Transient problems come back as <see cref="ChannelSendStatus.TransientFailure"/> or throw.</summary>
    /// <param name="message">The rendered message.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
