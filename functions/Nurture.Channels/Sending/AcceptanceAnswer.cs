namespace Nurture.Channels.Sending;

/// <summary>What a provider could say about a message id after a crash.</summary>
public enum AcceptanceAnswer
{
    /// <summary>The provider holds the message: record it as sent, do not send again.</summary>
    Accepted,

    /// <summary>The provider does not hold it, as far as it can be known: sending again is safe.</summary>
    NotAccepted,

    /// <summary>The provider cannot tell (no search API, too soon to be searchable, ambiguous match): sending again may duplicate.</summary>
    Unknown,
}
