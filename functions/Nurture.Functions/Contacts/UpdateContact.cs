using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Profiles;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Contacts;

/// <summary>
/// <c>PATCH /api/contacts/{id}</c> (function key): correct attributes and manual tags (right to rectification).
/// Body: <c>{"attributes": {"firstName": "Zoë"}, "tags": {"add": ["vip"], "remove": ["trial"]}}</c>; an attribute
/// set to null is removed.
/// </summary>
public sealed class UpdateContact(IngestionStorage ingestionStorage, ContactLookup contactLookup, TimeProvider timeProvider)
{
    /// <summary>Longest attribute value or tag accepted.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Answers <c>PATCH /api/contacts/{id}</c>.</summary>
    [Function(FunctionNames.UpdateContact)]
    [ApiPath("id", Description = "The contact id, an email address (has '@') or an E.164 phone number (starts with '+').")]
    [ApiRequestBody(typeof(ContactPatch), Description = "Attributes to set (null removes one) and manual tags to add or remove.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(ContactProfileView))]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The patch is not valid: unknown attributes, or values that are empty, too long or hold control characters.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No contact has that id, email or phone number.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not application/json.")]
    public async Task<IActionResult> UpdateContactAsync(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "contacts/{id}")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, id, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!Ingestion.WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        ContactPatch? patch;
        try
        {
            patch = await JsonSerializer.DeserializeAsync<ContactPatch>(request.Body, ApiJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Invalid($"The body is not valid JSON: {e.Message}");
        }

        if (patch is null || Validate(patch) is { } problem)
        {
            return Invalid(patch is null ? "The body is empty." : Validate(patch)!);
        }

        var storage = ingestionStorage;
        var existing = await contactLookup.FindProfileAsync(id, storage, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return ContactLookup.NotFound();
        }

        var now = timeProvider.GetUtcNow();
        var updated = await storage.Profiles.UpdateAsync(existing.ContactId, profile => Apply(profile, patch, now), cancellationToken).ConfigureAwait(false);
        return ApiJson.Result(new ContactProfileView(updated.ContactId, updated));
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
