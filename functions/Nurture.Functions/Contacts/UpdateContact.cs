using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Profiles;
using Nurture.Functions.Catalog;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.Contacts;

/// <summary>
/// <c>PATCH /api/contacts/{id}</c> (function key): correct attributes and manual tags (right to rectification).
/// Body: <c>{"attributes": {"firstName": "Zoë"}, "tags": {"add": ["vip"], "remove": ["trial"]}}</c>; an attribute
/// set to null is removed.
/// </summary>
public static class UpdateContact
{
    /// <summary>Longest attribute value or tag accepted.</summary>
    public const int MaxValueLength = 256;

    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.UpdateContact,
        new HttpTrigger("contacts/{id}", ["PATCH"], AuthorizationLevel.Function),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        if (!Ingestion.WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        ContactPatch? patch;
        try
        {
            patch = await JsonSerializer.DeserializeAsync<ContactPatch>(request.Body, JsonSerializerOptions.Web, context.CancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Invalid($"The body is not valid JSON: {e.Message}");
        }

        if (patch is null || Validate(patch) is { } problem)
        {
            return Invalid(patch is null ? "The body is empty." : Validate(patch)!);
        }

        var storage = context.Services.GetRequiredService<IngestionStorage>();
        var existing = await context.Services.GetRequiredService<ContactLookup>().FindProfileAsync(request, storage, context.CancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return ContactLookup.NotFound();
        }

        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var updated = await storage.Profiles.UpdateAsync(existing.ContactId, profile => Apply(profile, patch, now), context.CancellationToken).ConfigureAwait(false);
        return Results.Json(new { contactId = updated.ContactId, profile = ContactViews.Profile(updated) });
    }

    private static ContactProfile Apply(ContactProfile profile, ContactPatch patch, DateTimeOffset now)
    {
        var attributes = profile.Attributes;
        foreach (var (name, value) in patch.Attributes ?? [])
        {
            attributes = value is null ? attributes.Remove(name) : attributes.SetItem(name, new StampedValue(value, now, "api:patch"));
        }

        var tags = profile.Tags;
        foreach (var tag in patch.Tags?.Add ?? [])
        {
            tags = tags.SetItem(tag, new ProfileTag(tag, TagSource.Manual, now));
        }

        foreach (var tag in patch.Tags?.Remove ?? [])
        {
            tags = tags.Remove(tag);
        }

        return profile with { Attributes = attributes, Tags = tags };
    }

    private static string? Validate(ContactPatch patch)
    {
        var unknown = (patch.Attributes ?? []).Keys.Where(k => !ProfileAttributes.All.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return $"Unknown attributes: {string.Join(", ", unknown.Select(u => u.Length > 40 ? u[..40] : u))}. Known: {string.Join(", ", ProfileAttributes.All)}.";
        }

        var values = (patch.Attributes ?? []).Values.OfType<string>().Concat(patch.Tags?.Add ?? []).Concat(patch.Tags?.Remove ?? []);
        if (values.FirstOrDefault(v => v.Length is 0 or > MaxValueLength || v.Any(char.IsControl)) is { } bad)
        {
            return $"Values and tags must be 1-{MaxValueLength} characters without control characters; one is {bad.Length} characters long.";
        }

        return null;
    }

    private static IResult Invalid(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The patch is not valid.", detail: detail);
}
