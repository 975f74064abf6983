namespace Nurture.Core.SendTime;

/// <summary>Where the time zone a send time was chosen in came from.</summary>
public enum ZoneSource
{
    /// <summary>The contact's profile.</summary>
    Profile,

    /// <summary>Inferred from when the contact engages, matched against the shop's pattern in the shop's zones.</summary>
    Inferred,

    /// <summary>The shop's own zone.</summary>
    Shop,

    /// <summary>UTC: neither the contact nor the shop has a known zone.</summary>
    Utc,
}
