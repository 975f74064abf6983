using System.Text.Json;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Body of <c>POST /api/journeys/{journeyId}/batch-starts</c>: exactly one of a list or a segment.</summary>
/// <param name="ContactIds">Contact ids (or emails and phone numbers, when the app resolves identities), at most 10,000.</param>
/// <param name="Segment">A condition on <c>contact.</c> fields, or the string <c>"journey"</c> for the journey's own entry segment.</param>
/// <param name="RequestKey">Idempotency key: the same key for the same journey always means the same batch. Defaults to the <c>Idempotency-Key</c> header.</param>
public sealed record StartJourneyBatchRequest(IReadOnlyList<string?>? ContactIds = null, JsonElement? Segment = null, string? RequestKey = null);
