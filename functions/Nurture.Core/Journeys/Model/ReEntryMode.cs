namespace Nurture.Core.Journeys.Model;

/// <summary>Whether a contact may enter a journey again. Stored by name: never rename a member.</summary>
public enum ReEntryMode
{
    /// <summary>Once per contact (and instance key) ever.</summary>
    Never,

    /// <summary>Again once a number of days have passed since the last entry.</summary>
    After,

    /// <summary>Whenever no instance is live.</summary>
    Always,
}
