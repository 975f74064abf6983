namespace Nurture.Channels.Sending;

/// <summary>The channel port: hands one rendered message to a provider (or the outbox).</summary>
/// <remarks>
/// Implementations must be idempotent by <see cref="OutboundMessage.MessageId"/> as far as the provider allows:
/// the runner sends again under the same id after a crash between handing a message over and recording it,
/// unless <see cref="FindAcceptedAsync"/> finds the first hand-over (the outbox always can; a provider whose API
/// can be searched by a custom argument can).
/// </remarks>
public interface IMessageChannel
{
    /// <summary>Sends the message. Transient problems come back as <see cref="ChannelSendStatus.TransientFailure"/> or throw.</summary>
    /// <param name="message">The rendered message.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the provider already accepted a message under this id, asked before sending again after an attempt
    /// died between handing the message over and recording it. Answers the send's result when it did, and null when
    /// it did not or cannot tell (then the message is sent again). By default a channel cannot tell.
    /// </summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<ChannelSendResult?> FindAcceptedAsync(string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ChannelSendResult?>(null);
}
