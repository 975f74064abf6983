namespace Nurture.Channels.Sending;

/// <summary>A channel's answer to one send.</summary>
/// <remarks>
/// A failure is an outcome, never a loss: <see cref="ChannelSendStatus.TransientFailure"/> means "not accepted now,
/// ask again later" (never "skip"), and <see cref="ChannelSendStatus.PermanentFailure"/> carries the provider's code
/// and reason (no personal data) plus what it says about the recipient (<see cref="Recipient"/>), which the caller
/// applies to the profile.
/// </remarks>
/// <param name="Status">Sent, permanent or transient failure.</param>
/// <param name="ProviderMessageId">The provider's id, when sent (absent for a SendGrid sandbox send).</param>
/// <param name="Detail">Why it failed (no personal data).</param>
public sealed record ChannelSendResult(ChannelSendStatus Status, string? ProviderMessageId = null, string? Detail = null)
{
    /// <summary>The provider's error code (<c>21610</c>, <c>http_400</c>, ...), when it failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>What kind of failure it was; <see cref="ChannelFailureKind.None"/> when sent.</summary>
    public ChannelFailureKind Failure { get; init; }

    /// <summary>What the failure says about the recipient's address or consent.</summary>
    public RecipientImpact Recipient { get; init; }

    /// <summary>How long the provider asked us to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// True for a transient failure after which the provider may nevertheless hold the message (a request that timed
    /// out or lost its connection after it was sent): ask <see cref="IMessageChannel.CheckAcceptedAsync"/> before
    /// sending again.
    /// </summary>
    public bool MayHaveBeenAccepted { get; init; }

    /// <summary>SMS segments the body takes (after the opt-out line was appended), for SMS sends.</summary>
    public int? Segments { get; init; }

    /// <summary>The SMS encoding the body needs, for SMS sends.</summary>
    public SmsEncoding? Encoding { get; init; }

    /// <summary>Accepted under the provider's id.</summary>
    /// <param name="providerMessageId">The provider's id.</param>
    public static ChannelSendResult Sent(string providerMessageId) => new(ChannelSendStatus.Sent, providerMessageId);

    /// <summary>Rejected for good.</summary>
    /// <param name="detail">Why.</param>
    public static ChannelSendResult Permanent(string detail) => new(ChannelSendStatus.PermanentFailure, Detail: detail) { Failure = ChannelFailureKind.Request };

    /// <summary>Rejected for good, with the provider's code.</summary>
    /// <param name="failure">What kind of failure.</param>
    /// <param name="errorCode">The provider's code.</param>
    /// <param name="detail">The provider's reason, without personal data.</param>
    /// <param name="recipient">What it says about the recipient.</param>
    public static ChannelSendResult Permanent(ChannelFailureKind failure, string errorCode, string detail, RecipientImpact recipient = RecipientImpact.None) =>
        new(ChannelSendStatus.PermanentFailure, Detail: detail) { Failure = failure, ErrorCode = errorCode, Recipient = recipient };

    /// <summary>Not accepted now.</summary>
    /// <param name="detail">Why.</param>
    public static ChannelSendResult Transient(string detail) => new(ChannelSendStatus.TransientFailure, Detail: detail) { Failure = ChannelFailureKind.Unavailable };

    /// <summary>Not accepted now, with what the provider said.</summary>
    /// <param name="failure">Throttled or unavailable.</param>
    /// <param name="errorCode">The provider's code, if any.</param>
    /// <param name="detail">Why.</param>
    /// <param name="retryAfter">How long the provider asked us to wait, if it said.</param>
    /// <param name="mayHaveBeenAccepted">Whether the provider may hold the message anyway.</param>
    public static ChannelSendResult Transient(ChannelFailureKind failure, string? errorCode, string detail, TimeSpan? retryAfter = null, bool mayHaveBeenAccepted = false) =>
        new(ChannelSendStatus.TransientFailure, Detail: detail) { Failure = failure, ErrorCode = errorCode, RetryAfter = retryAfter, MayHaveBeenAccepted = mayHaveBeenAccepted };
}
