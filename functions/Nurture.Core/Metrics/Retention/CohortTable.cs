namespace Nurture.Core.Metrics.Retention;

/// <summary>Cohorts of one grain, oldest first.</summary>
/// <param name="Grain">Week or month.</param>
/// <param name="Cohorts">The latest cohorts (as many as the settings show).</param>
public sealed record CohortTable(CohortGrain Grain, IReadOnlyList<CohortRow> Cohorts);
