namespace Nurture.Core.Metrics.Scoring;

/// <summary>Where the shop's purchase cycle came from. Stored by name: never rename a member.</summary>
public enum CycleSource
{
    /// <summary>The median of the repeat buyers' mean gaps between purchases.</summary>
    Measured,

    /// <summary>Too few repeat buyers: the fallback setting.</summary>
    Fallback,

    /// <summary>Set in configuration.</summary>
    Configured,
}
