namespace Nurture.Channels.Sending;

/// <summary>A channel's answer to one send.</summary>
/// <param name="Status">Sent, permanent or transient failure.</param>
/// <param name="ProviderMessageId">The provider's id, when sent.</param>
/// <param name="Detail">Why it failed (no personal data).</param>
public sealed record ChannelSendResult(ChannelSendStatus Status, string? ProviderMessageId = null, string? Detail = null)
{
    /// <summary>Accepted under the provider's id.</summary>
    /// <param name="providerMessageId">The provider's id.</param>
    public static ChannelSendResult Sent(string providerMessageId) => new(ChannelSendStatus.Sent, providerMessageId);

    /// <summary>Rejected for good.</summary>
    /// <param name="detail">Why.</param>
    public static ChannelSendResult Permanent(string detail) => new(ChannelSendStatus.PermanentFailure, Detail: detail);

    /// <summary>Not accepted now.</summary>
    /// <param name="detail">Why.</param>
    public static ChannelSendResult Transient(string detail) => new(ChannelSendStatus.TransientFailure, Detail: detail);
}
