namespace Nurture.Channels.Sending;

/// <summary>The channel port: hands one rendered message to a provider (or the outbox).</summary>
/// <remarks>
/// Implementations must be idempotent by <see cref="OutboundMessage.MessageId"/> as far as the provider allows:
/// the runner sends again under the same id after a crash between handing a message over and recording it,
/// unless <see cref="FindAcceptedAsync"/> / <see cref="CheckAcceptedAsync"/> finds the first hand-over (the outbox
/// always can; SendGrid can through its Email Activity API; Twilio only by matching the recipient's recent messages).
/// </remarks>
public interface IMessageChannel
{
    /// <summary>Sends the message. Failures come back as results (transient: try later; permanent: with the provider's code).</summary>
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

    /// <summary>
    /// Like <see cref="FindAcceptedAsync"/>, with the whole message and the time the first attempt began, so a provider
    /// that cannot be searched by our id can match on recipient, time and content, and with an explicit
    /// <see cref="AcceptanceAnswer.Unknown"/> instead of a null that means either "no" or "cannot tell".
    /// </summary>
    /// <param name="message">The message as it would be sent again.</param>
    /// <param name="attemptedSince">No attempt for this id began before this time (the ledger's reservation time).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    async Task<AcceptanceCheck> CheckAcceptedAsync(OutboundMessage message, DateTimeOffset attemptedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var found = await FindAcceptedAsync(message.MessageId, cancellationToken).ConfigureAwait(false);
        return found is null
            ? AcceptanceCheck.Unknown("the channel cannot tell")
            : AcceptanceCheck.Accepted(found, "found by message id");
    }
}
