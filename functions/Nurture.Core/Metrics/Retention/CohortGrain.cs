namespace Nurture.Core.Metrics.Retention;

/// <summary>How cohorts and their periods are cut. Stored by name: never rename a member.</summary>
public enum CohortGrain
{
    /// <summary>ISO weeks, Monday to Sunday, in the shop's time zone.</summary>
    Week,

    /// <summary>Calendar months in the shop's time zone.</summary>
    Month,
}
