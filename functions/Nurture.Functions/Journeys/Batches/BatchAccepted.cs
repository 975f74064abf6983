namespace Nurture.Functions.Journeys.Batches;

/// <summary>Answer of <c>POST /api/journeys/{journeyId}/batch-starts</c>.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="StatusUrl">Where its progress is read.</param>
/// <param name="Status">Its status when the answer was made.</param>
public sealed record BatchAccepted(string BatchId, string StatusUrl, string Status);
