namespace Nurture.Channels.Sending;

/// <summary>What kind of failure a send met; says whether the message, the recipient, the account or the provider is at fault.</summary>
public enum ChannelFailureKind
{
    /// <summary>No failure.</summary>
    None,

    /// <summary>The recipient cannot take it (address unusable, opted out): see <see cref="ChannelSendResult.Recipient"/>.</summary>
    Recipient,

    /// <summary>The provider refused this request as it stands (a 4xx about the message itself).</summary>
    Request,

    /// <summary>Our account or credentials are refused (401/403, sender not allowed): every send fails until a setting is fixed.</summary>
    Account,

    /// <summary>Rate limited (429) after the retries the call allows.</summary>
    Throttled,

    /// <summary>The provider failed or could not be reached (5xx, timeout, network) after the retries the call allows.</summary>
    Unavailable,
}
