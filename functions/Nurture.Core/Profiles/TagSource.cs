namespace Nurture.Core.Profiles;

/// <summary>Where a profile tag came from. Stored by name: never rename a member.</summary>
public enum TagSource
{
    /// <summary>Set by a marketer through the API.</summary>
    Manual,

    /// <summary>Computed by Nurture (purchase behaviour, deliverability, segments).</summary>
    Computed,

    /// <summary>Synced from the shop platform's own customer tags; replaced by each newer customer update.</summary>
    Platform,
}
