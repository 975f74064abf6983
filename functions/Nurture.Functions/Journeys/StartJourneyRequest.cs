namespace Nurture.Functions.Journeys;

/// <summary>Body of <c>POST /api/journeys/{journeyId}/start</c>.</summary>
/// <param name="ContactId">The contact to start the journey for.</param>
/// <param name="RequestKey">Idempotency key: the same key for the same contact always means the same instance. Defaults to the <c>Idempotency-Key</c> header.</param>
public sealed record StartJourneyRequest(string? ContactId, string? RequestKey = null);
