namespace Nurture.Channels.Sending;

/// <summary>What a channel did with a message.</summary>
public enum ChannelSendStatus
{
    /// <summary>Accepted.</summary>
    Sent,

    /// <summary>Rejected for good (bad address, a 4xx): do not retry.</summary>
    PermanentFailure,

    /// <summary>Not accepted now (429, 5xx, timeout): retry later.</summary>
    TransientFailure,
}
