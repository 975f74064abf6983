namespace Nurture.Core.Journeys.Contacts;

/// <summary>Marketing consent on one channel. Stored by name: never rename a member.</summary>
public enum ConsentStatus
{
    /// <summary>Never asked or not recorded.</summary>
    Unknown,

    /// <summary>Opted in.</summary>
    Granted,

    /// <summary>Opted out or withdrawn.</summary>
    Denied,
}
