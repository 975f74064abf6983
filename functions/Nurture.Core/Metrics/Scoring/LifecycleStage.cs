namespace Nurture.Core.Metrics.Scoring;

/// <summary>Where a contact is in their life as a customer. Stored by name: never rename a member.</summary>
public enum LifecycleStage
{
    /// <summary>Known, but has never bought.</summary>
    Prospect,

    /// <summary>One purchase, recent.</summary>
    New,

    /// <summary>Two or more purchases (fewer than the loyal threshold), the latest recent.</summary>
    Active,

    /// <summary>At least the loyal number of purchases, the latest recent.</summary>
    Loyal,

    /// <summary>No purchase for longer than the dormant threshold.</summary>
    Dormant,

    /// <summary>No purchase for longer than the churned threshold.</summary>
    Churned,
}
