namespace Nurture.Core.Metrics.Scoring;

/// <summary>Named RFM segments (see the table in <see cref="RfmSegments"/>). Stored by name: never rename a member.</summary>
public enum RfmSegment
{
    /// <summary>Bought recently, often and for a lot.</summary>
    Champions,

    /// <summary>Buy often and not long ago.</summary>
    Loyal,

    /// <summary>Recent buyers with a few orders.</summary>
    PotentialLoyalists,

    /// <summary>Recent first-time buyers.</summary>
    NewCustomers,

    /// <summary>Fairly recent, few orders.</summary>
    Promising,

    /// <summary>Middle of the road on recency and frequency.</summary>
    NeedAttention,

    /// <summary>Used to buy often and for a lot, but not lately.</summary>
    CannotLoseThem,

    /// <summary>Used to buy fairly often, but not lately.</summary>
    AtRisk,

    /// <summary>Few orders and slipping away.</summary>
    AboutToSleep,

    /// <summary>Long gone, had a couple of orders.</summary>
    Hibernating,

    /// <summary>Long gone, one order.</summary>
    Lost,
}
