using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Http;
using Nurture.Functions.Journeys.Design;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Journeys;

/// <summary>
/// The marketer's design endpoints (function key): list journeys, save, read and validate a draft, publish it as an
/// immutable version, list and read versions, and pause or resume a journey. Running instances keep the version they
/// started on.
/// </summary>
/// <param name="journeyStorage">The journey stores.</param>
/// <param name="channels">The channel settings (the shops' default senders a send node without a sender relies on).</param>
public sealed partial class JourneyDesignFunctions(JourneyStorage journeyStorage, IOptions<ChannelOptions>? channels = null)
{
    private const string JourneyRoute = "journeys/{journeyId}";

    /// <summary><c>GET /api/journeys</c>: every journey with a draft or a published version.</summary>
    [Function(FunctionNames.ListJourneys)]
    [ApiResponse(StatusCodes.Status200OK, typeof(JourneyList))]
    public async Task<IActionResult> ListJourneysAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await ListAsync(cancellationToken).ConfigureAwait(false));

    /// <summary><c>PUT /api/journeys/{journeyId}/draft</c>: stores the document as the draft and reports its problems.</summary>
    [Function(FunctionNames.SaveJourneyDraft)]
    [ApiRequestBody(typeof(JourneyDefinition), Description = "The journey document; its id must match the URL, its version is ignored.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(ValidationReport), Description = "Saved, with every problem that would block publishing.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a journey document, or its id differs from the URL's.")]
    public async Task<IActionResult> SaveJourneyDraftAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = JourneyRoute + "/draft")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await SaveDraftAsync(request, journeyId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>GET /api/journeys/{journeyId}/draft</c>: the stored draft with its validation report.</summary>
    [Function(FunctionNames.GetJourneyDraft)]
    [ApiResponse(StatusCodes.Status200OK, typeof(JourneyDraftView))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has no draft.")]
    public async Task<IActionResult> GetJourneyDraftAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = JourneyRoute + "/draft")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await GetDraftAsync(journeyId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>POST /api/journeys/{journeyId}/validate</c>: every problem of the stored draft, with its path.</summary>
    [Function(FunctionNames.ValidateJourney)]
    [ApiResponse(StatusCodes.Status200OK, typeof(ValidationReport))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has no draft.")]
    public async Task<IActionResult> ValidateJourneyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = JourneyRoute + "/validate")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await ValidateAsync(journeyId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>POST /api/journeys/{journeyId}/publish</c>: the valid draft becomes the next immutable version, unless it equals the latest one.</summary>
    [Function(FunctionNames.PublishJourney)]
    [ApiResponse(StatusCodes.Status201Created, typeof(JourneyDefinition), Location = true, Description = "Published as the next version.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(JourneyDefinition), Location = true, Description = "The draft equals the latest version: nothing new was published.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has no draft.")]
    [ApiResponse(StatusCodes.Status409Conflict, Description = "Another publish of this journey took the version number; publish again.")]
    [ApiResponse(StatusCodes.Status422UnprocessableEntity, Description = "The draft is not valid; the problem lists every problem.")]
    public async Task<IActionResult> PublishJourneyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = JourneyRoute + "/publish")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await PublishAsync(request, journeyId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>GET /api/journeys/{journeyId}/versions</c>.</summary>
    [Function(FunctionNames.ListJourneyVersions)]
    [ApiResponse(StatusCodes.Status200OK, typeof(JourneyVersionList))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has neither a draft nor a published version.")]
    public async Task<IActionResult> ListJourneyVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = JourneyRoute + "/versions")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await ListVersionsAsync(journeyId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>GET /api/journeys/{journeyId}/versions/{version}</c>: one published document.</summary>
    [Function(FunctionNames.GetJourneyVersion)]
    [ApiPath("version", typeof(int), Description = "The version number, 1 and up.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(JourneyDefinition))]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The version is not a whole number of 1 or more.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such version.")]
    public async Task<IActionResult> GetJourneyVersionAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = JourneyRoute + "/versions/{version}")] HttpRequest request, string journeyId, string version,
        CancellationToken cancellationToken) =>
        ResultAction.From(await GetVersionAsync(journeyId, version, cancellationToken).ConfigureAwait(false));

    /// <summary><c>POST /api/journeys/{journeyId}/pause</c>: no new entries until resumed.</summary>
    [Function(FunctionNames.PauseJourney)]
    [ApiResponse(StatusCodes.Status200OK, typeof(JourneyPauseState))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has no published version.")]
    public async Task<IActionResult> PauseJourneyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = JourneyRoute + "/pause")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await SetPausedAsync(journeyId, paused: true, cancellationToken).ConfigureAwait(false));

    /// <summary><c>POST /api/journeys/{journeyId}/resume</c>.</summary>
    [Function(FunctionNames.ResumeJourney)]
    [ApiResponse(StatusCodes.Status200OK, typeof(JourneyPauseState))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has no published version.")]
    public async Task<IActionResult> ResumeJourneyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = JourneyRoute + "/resume")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await SetPausedAsync(journeyId, paused: false, cancellationToken).ConfigureAwait(false));

    /// <summary>Where a published version is read: <c>/{prefix}/journeys/{journeyId}/versions/{version}</c>.</summary>
    /// <param name="routePrefix">The HTTP route prefix (<c>api</c> by default).</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    public static string VersionUrl(string routePrefix, string journeyId, int version)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        ArgumentNullException.ThrowIfNull(journeyId);
        var prefix = routePrefix.Trim('/');
        return (prefix.Length == 0 ? string.Empty : "/" + prefix) + $"/journeys/{Uri.EscapeDataString(journeyId)}/versions/{version}";
    }

    private async Task<JourneyStorage> StorageAsync(CancellationToken cancellationToken)
    {
        await journeyStorage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return journeyStorage;
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
