namespace Nurture.Core.Profiles;

/// <summary>Whether a contact may receive marketing on a channel. Stored by name: never rename a member.</summary>
public enum ConsentStatus
{
    /// <summary>Nothing known: treated as no consent for marketing.</summary>
    Unknown,

    /// <summary>Opted in.</summary>
    Subscribed,

    /// <summary>Opted out (unsubscribe, STOP, spam report, carrier opt-out).</summary>
    Unsubscribed,
}
