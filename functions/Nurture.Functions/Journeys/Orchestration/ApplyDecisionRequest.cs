namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>The input of <see cref="JourneyActivities.ApplyJourneyDecision"/>: one decision to record and carry out.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Decision">The decision's number (keys its timeline row, so a re-run writes the same row).</param>
/// <param name="StateJson">The state after the decision.</param>
/// <param name="CommandsJson">The commands to carry out, in order (<c>JourneyJson</c>).</param>
/// <param name="Record">Whether to record the decision (state and timeline) first: false when only retrying its sends.</param>
public sealed record ApplyDecisionRequest(string InstanceId, int Decision, string StateJson, string CommandsJson, bool Record);
