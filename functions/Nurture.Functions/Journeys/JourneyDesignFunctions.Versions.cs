using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Journeys.Versioning;
using Nurture.Functions.Http;
using Nurture.Functions.Journeys.Design;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

public sealed partial class JourneyDesignFunctions
{
    private async Task<IResult> PublishAsync(HttpRequest request, string journeyId, CancellationToken cancellationToken)
    {
        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        var draft = await storage.Definitions.GetDraftAsync(journeyId, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return NoDraft(journeyId);
        }

        var prefix = RoutePrefix.Of(request, "journeys");
        var latest = await storage.Definitions.GetLatestAsync(journeyId, cancellationToken).ConfigureAwait(false);
        if (latest is not null && IsUnchanged(draft, latest))
        {
            // Publishing again what is already published mints no version: a retried or double-clicked publish is a no-op.
            return ApiJson.Result(latest, StatusCodes.Status200OK, VersionUrl(prefix, journeyId, latest.Version));
        }

        var result = JourneyPublishing.Publish(draft, latest?.Version);
        var problems = result.Problems.Concat(await TemplateReferences.CheckAsync(draft, storage.Templates, channels?.Value, cancellationToken).ConfigureAwait(false)).ToList();
        if (result.Published is not { } version || problems.Count > 0)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The draft is not valid, so it was not published.",
                detail: string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")),
                extensions: new Dictionary<string, object?> { ["problems"] = problems });
        }

        PublishOutcome outcome;
        try
        {
            outcome = await storage.Definitions.PublishAsync(version, cancellationToken).ConfigureAwait(false);
        }
        catch (JourneyVersionConflictException)
        {
            return Problem(StatusCodes.Status409Conflict, "Another publish took this version number.", $"A different draft of '{journeyId}' was published as version {version.Version} at the same time; check the draft and publish again.");
        }

        // AlreadyPublished: a concurrent publish of this very draft stored it first; the answer is the same version.
        var status = outcome == PublishOutcome.Published ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return ApiJson.Result(version, status, VersionUrl(prefix, journeyId, version.Version));
    }

    private async Task<IResult> ListVersionsAsync(string journeyId, CancellationToken cancellationToken)
    {
        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        var versions = await storage.Definitions.ListVersionsAsync(journeyId, cancellationToken).ConfigureAwait(false);
        var catalog = await storage.Definitions.GetCatalogEntryAsync(journeyId, cancellationToken).ConfigureAwait(false);
        var draft = await storage.Definitions.GetDraftAsync(journeyId, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0 && draft is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has neither a draft nor a published version.");
        }

        return ApiJson.Result(new JourneyVersionList(journeyId, versions, catalog?.LatestVersion, catalog?.Paused ?? false, draft is not null));
    }

    private async Task<IResult> GetVersionAsync(string journeyId, string versionText, CancellationToken cancellationToken)
    {
        if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return Problem(StatusCodes.Status400BadRequest, "The version is not valid.", $"'{versionText}' must be a version number: a whole number of 1 or more.");
        }

        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        var published = await storage.Definitions.GetVersionAsync(journeyId, version, cancellationToken).ConfigureAwait(false);
        return published is null
            ? Problem(StatusCodes.Status404NotFound, "No such version.", $"Journey '{journeyId}' has no published version {version}; GET /api/journeys/{journeyId}/versions lists them.")
            : ApiJson.Result(published);
    }

    private async Task<IResult> SetPausedAsync(string journeyId, bool paused, CancellationToken cancellationToken)
    {
        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        return await storage.Definitions.SetPausedAsync(journeyId, paused, cancellationToken).ConfigureAwait(false)
            ? ApiJson.Result(new JourneyPauseState(journeyId, paused))
            : Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has no published version to {(paused ? "pause" : "resume")}.");
    }

    // The same document apart from its number: what the latest version would be if the draft were published over it.
    private static bool IsUnchanged(JourneyDefinition draft, JourneyDefinition latest) =>
        string.Equals(JourneyJson.Serialize(draft with { Version = latest.Version }), JourneyJson.Serialize(latest), StringComparison.Ordinal);
}
