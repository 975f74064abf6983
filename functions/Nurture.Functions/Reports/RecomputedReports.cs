namespace Nurture.Functions.Reports;

/// <summary>The answer of <c>POST /api/reports/recompute</c>: what each rebuild did.</summary>
/// <param name="Retention">The retention report's rebuild.</param>
/// <param name="Campaigns">The campaign report's rebuild.</param>
/// <param name="Scoring">The full rescore: a new scoring model, every contact, the lifecycle report.</param>
public sealed record RecomputedReports(ReportOutcome Retention, ReportOutcome Campaigns, ScoringOutcome Scoring);
