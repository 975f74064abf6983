using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Journeys.Validation;
using Nurture.Core.Journeys.Versioning;
using Nurture.Functions.Catalog;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>
/// The marketer's design endpoints (function key): save a draft, validate it, publish it as an immutable version,
/// list versions, and pause or resume a journey. Running instances keep the version they started on.
/// </summary>
public static class JourneyDesignFunctions
{
    /// <summary><c>PUT /api/journeys/{journeyId}/draft</c>: stores the document as the draft and reports its problems.</summary>
    public static HttpFunction SaveJourneyDraft { get; } = new(
        FunctionNames.SaveJourneyDraft,
        new HttpTrigger("journeys/{journeyId}/draft", ["PUT"], AuthorizationLevel.Function),
        SaveDraftAsync);

    /// <summary><c>POST /api/journeys/{journeyId}/validate</c>: every problem of the stored draft, with its path.</summary>
    public static HttpFunction ValidateJourney { get; } = new(
        FunctionNames.ValidateJourney,
        new HttpTrigger("journeys/{journeyId}/validate", ["POST"], AuthorizationLevel.Function),
        ValidateAsync);

    /// <summary><c>POST /api/journeys/{journeyId}/publish</c>: the valid draft becomes the next immutable version.</summary>
    public static HttpFunction PublishJourney { get; } = new(
        FunctionNames.PublishJourney,
        new HttpTrigger("journeys/{journeyId}/publish", ["POST"], AuthorizationLevel.Function),
        PublishAsync);

    /// <summary><c>GET /api/journeys/{journeyId}/versions</c>.</summary>
    public static HttpFunction ListJourneyVersions { get; } = new(
        FunctionNames.ListJourneyVersions,
        new HttpTrigger("journeys/{journeyId}/versions", ["GET"], AuthorizationLevel.Function),
        ListVersionsAsync);

    /// <summary><c>POST /api/journeys/{journeyId}/pause</c>: no new entries until resumed.</summary>
    public static HttpFunction PauseJourney { get; } = new(
        FunctionNames.PauseJourney,
        new HttpTrigger("journeys/{journeyId}/pause", ["POST"], AuthorizationLevel.Function),
        (request, context) => SetPausedAsync(request, context, paused: true));

    /// <summary><c>POST /api/journeys/{journeyId}/resume</c>.</summary>
    public static HttpFunction ResumeJourney { get; } = new(
        FunctionNames.ResumeJourney,
        new HttpTrigger("journeys/{journeyId}/resume", ["POST"], AuthorizationLevel.Function),
        (request, context) => SetPausedAsync(request, context, paused: false));

    private static async Task<IResult> SaveDraftAsync(HttpRequest request, FunctionContext context)
    {
        var journeyId = JourneyId(request);
        JourneyDefinition draft;
        try
        {
            using var reader = new StreamReader(request.Body);
            draft = JourneyJson.Parse(await reader.ReadToEndAsync(context.CancellationToken).ConfigureAwait(false));
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not a journey document.", e.Message);
        }

        if (!string.Equals(draft.Id, journeyId, StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status400BadRequest, "The document's id does not match the URL.", $"The document says '{draft.Id}'; the URL says '{journeyId}'.");
        }

        var storage = await StorageAsync(context).ConfigureAwait(false);
        await storage.Definitions.SaveDraftAsync(draft, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(Report(journeyId, await ProblemsAsync(draft, storage, context.CancellationToken).ConfigureAwait(false)));
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, FunctionContext context)
    {
        var journeyId = JourneyId(request);
        var storage = await StorageAsync(context).ConfigureAwait(false);
        var draft = await storage.Definitions.GetDraftAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        return draft is null ? NoDraft(journeyId) : Results.Json(Report(journeyId, await ProblemsAsync(draft, storage, context.CancellationToken).ConfigureAwait(false)));
    }

    private static async Task<IResult> PublishAsync(HttpRequest request, FunctionContext context)
    {
        var journeyId = JourneyId(request);
        var storage = await StorageAsync(context).ConfigureAwait(false);
        var draft = await storage.Definitions.GetDraftAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return NoDraft(journeyId);
        }

        var latest = await storage.Definitions.GetCatalogEntryAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        var result = JourneyPublishing.Publish(draft, latest?.LatestVersion);
        var problems = result.Problems.Concat(await TemplateReferences.CheckAsync(draft, storage.Templates, context.CancellationToken).ConfigureAwait(false)).ToList();
        if (result.Published is not { } version || problems.Count > 0)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The draft is not valid, so it was not published.",
                detail: string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")),
                extensions: new Dictionary<string, object?> { ["problems"] = problems });
        }

        var outcome = await storage.Definitions.PublishAsync(version, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(new { journeyId, version = version.Version, outcome = outcome.ToString() }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListVersionsAsync(HttpRequest request, FunctionContext context)
    {
        var journeyId = JourneyId(request);
        var storage = await StorageAsync(context).ConfigureAwait(false);
        var versions = await storage.Definitions.ListVersionsAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        var catalog = await storage.Definitions.GetCatalogEntryAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        var draft = await storage.Definitions.GetDraftAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        if (versions.Count == 0 && draft is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has neither a draft nor a published version.");
        }

        return Results.Json(new { journeyId, versions, latestVersion = catalog?.LatestVersion, paused = catalog?.Paused ?? false, hasDraft = draft is not null });
    }

    private static async Task<IResult> SetPausedAsync(HttpRequest request, FunctionContext context, bool paused)
    {
        var journeyId = JourneyId(request);
        var storage = await StorageAsync(context).ConfigureAwait(false);
        return await storage.Definitions.SetPausedAsync(journeyId, paused, context.CancellationToken).ConfigureAwait(false)
            ? Results.Json(new { journeyId, paused })
            : Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has no published version to {(paused ? "pause" : "resume")}.");
    }

    private static async Task<List<ValidationProblem>> ProblemsAsync(JourneyDefinition draft, JourneyStorage storage, CancellationToken cancellationToken) =>
        [.. JourneyValidator.Validate(draft), .. await TemplateReferences.CheckAsync(draft, storage.Templates, cancellationToken).ConfigureAwait(false)];

    private static object Report(string journeyId, IReadOnlyList<ValidationProblem> problems) =>
        new { journeyId, valid = problems.Count == 0, problems };

    private static string JourneyId(HttpRequest request) => request.RouteValues["journeyId"] as string ?? string.Empty;

    private static async Task<JourneyStorage> StorageAsync(FunctionContext context)
    {
        var storage = context.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        return storage;
    }

    private static IResult NoDraft(string journeyId) =>
        Problem(StatusCodes.Status404NotFound, "No draft.", $"Journey '{journeyId}' has no draft; PUT one to /api/journeys/{journeyId}/draft first.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
