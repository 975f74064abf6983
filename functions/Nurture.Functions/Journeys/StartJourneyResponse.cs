namespace Nurture.Functions.Journeys;

/// <summary>Answer of <c>POST /api/journeys/{journeyId}/start</c>.</summary>
/// <param name="Entered">Whether an instance was started.</param>
/// <param name="Reason">Why (or why not).</param>
/// <param name="InstanceId">The instance, when entered.</param>
/// <param name="Version">The journey version it runs on, when entered.</param>
public sealed record StartJourneyResponse(bool Entered, string Reason, string? InstanceId = null, int? Version = null);
