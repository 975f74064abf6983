using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Turns a valid batch request into its new progress (and list), or says what is wrong as problem+json.</summary>
internal static class BatchSourceReader
{
    /// <summary>What a request asks for.</summary>
    /// <param name="Progress">The new batch.</param>
    /// <param name="Entries">For lists: the distinct entries to store.</param>
    /// <param name="Problem">What is wrong instead, when something is.</param>
    public sealed record Outcome(BatchProgress? Progress, IReadOnlyList<string>? Entries, IResult? Problem);

    /// <summary>Checks the list or segment against the journey's current version.</summary>
    public static Outcome Read(StartJourneyBatchRequest body, JourneyDefinition definition, string requestKey, DateTimeOffset now)
    {
        if ((body.ContactIds is null) == (body.Segment is null))
        {
            return Fail(StatusCodes.Status400BadRequest, "Send either contact_ids or segment.", "A batch start takes exactly one of contact_ids (a list) or segment (a condition on contact fields, or \"journey\").");
        }

        return body.ContactIds is { } ids ? ReadList(ids, definition, requestKey, now) : ReadSegment(body.Segment!.Value, definition, requestKey, now);
    }

    private static Outcome ReadList(IReadOnlyList<string?> ids, JourneyDefinition definition, string requestKey, DateTimeOffset now)
    {
        if (ids.Count == 0)
        {
            return Fail(StatusCodes.Status400BadRequest, "contact_ids is empty.", "Send at least one contact id, email or phone number.");
        }

        if (ids.Count > BatchPaging.MaxListSize)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "Too many contacts in one batch.", $"contact_ids holds {ids.Count} entries; send at most {BatchPaging.MaxListSize:N0} per batch, or use a segment.");
        }

        var problems = ids.Select(BatchPaging.EntryProblem).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            return Fail(StatusCodes.Status400BadRequest, "contact_ids has unusable entries.", $"{problems.Count} entries cannot be used; the first: {problems[0]}.");
        }

        var entries = BatchPaging.Distinct(ids!);
        return new Outcome(BatchProgress.ForList(definition.Id, definition.Version, requestKey, entries.Count, now), entries, null);
    }

    private static Outcome ReadSegment(JsonElement segment, JourneyDefinition definition, string requestKey, DateTimeOffset now)
    {
        if (segment.ValueKind == JsonValueKind.String)
        {
            if (segment.GetString() != "journey")
            {
                return Fail(StatusCodes.Status400BadRequest, "Unknown segment.", "segment is either a condition object or the string \"journey\" (the journey's own entry segment).");
            }

            if (definition.Entry.Kind != EntryKind.Segment)
            {
                return Fail(StatusCodes.Status400BadRequest, "The journey has no entry segment.", $"Journey '{definition.Id}' is entered by {definition.Entry.Kind.ToString().ToLowerInvariant()}; send a segment condition instead of \"journey\".");
            }

            return new Outcome(BatchProgress.ForSegment(definition.Id, definition.Version, requestKey, definition.Entry.Segment, "journey", now), null, null);
        }

        Condition? condition;
        try
        {
            condition = segment.ValueKind == JsonValueKind.Object ? segment.Deserialize<Condition>(JourneyJson.Options) : null;
        }
        catch (JsonException e)
        {
            return Fail(StatusCodes.Status400BadRequest, "segment is not a condition.", e.Message);
        }

        if (condition is null)
        {
            return Fail(StatusCodes.Status400BadRequest, "segment is not a condition.", "Send a condition object such as {\"path\": \"contact.tags\", \"op\": \"contains\", \"value\": \"vip\"}, or \"journey\".");
        }

        var problems = SegmentValidator.Validate(condition, "segment");
        if (problems.Count > 0)
        {
            return new Outcome(null, null, Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The segment condition is not valid.",
                detail: string.Join("; ", problems.Select(p => p.ToString())),
                extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { path = p.Path, message = p.Message }).ToList() }));
        }

        return new Outcome(BatchProgress.ForSegment(definition.Id, definition.Version, requestKey, condition, "custom", now), null, null);
    }

    private static Outcome Fail(int status, string title, string detail) =>
        new(null, null, Results.Problem(statusCode: status, title: title, detail: detail));
}
