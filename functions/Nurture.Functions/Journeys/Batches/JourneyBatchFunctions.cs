using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Hosting;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Start a journey for a list of contacts or a segment, in the background, and watch the batch.</summary>
public sealed class JourneyBatchFunctions(JourneyStorage journeyStorage, JourneyBatchStorage journeyBatchStorage, TimeProvider timeProvider, ILogger<JourneyBatchProcessor> logger)
{
    /// <summary><c>POST /api/journeys/{journeyId}/batch-starts</c>.</summary>
    [Function(FunctionNames.CreateJourneyBatch)]
    [ApiHeader(JourneyApiFunctions.IdempotencyKeyHeader, Description = "The idempotency key, when the body has no request_key.")]
    [ApiRequestBody(typeof(StartJourneyBatchRequest))]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(BatchAccepted), Location = true, Description = "Accepted: the batch runs in the background; Location is its status.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(BatchAccepted), Location = true, Description = "The batch this idempotency key already created.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a batch start request.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has no published version.")]
    [ApiResponse(StatusCodes.Status409Conflict, Description = "The journey is paused.")]
    public async Task<IActionResult> CreateJourneyBatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{journeyId}/batch-starts")] HttpRequest request, string journeyId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await StartAsync(request, journeyId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>GET /api/journeys/batches/{batchId}</c>.</summary>
    [Function(FunctionNames.GetJourneyBatch)]
    [ApiResponse(StatusCodes.Status200OK, typeof(BatchView))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such batch.")]
    public async Task<IActionResult> GetJourneyBatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/batches/{batchId}")] HttpRequest request, string batchId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await GetAsync(request, batchId, cancellationToken).ConfigureAwait(false));

    /// <summary>Where a batch's status is read.</summary>
    /// <param name="routePrefix">The HTTP route prefix (<c>api</c> by default).</param>
    /// <param name="batchId">The batch.</param>
    public static string StatusUrl(string routePrefix, string batchId)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        var prefix = routePrefix.Trim('/');
        return (prefix.Length == 0 ? string.Empty : "/" + prefix) + $"/journeys/batches/{Uri.EscapeDataString(batchId)}";
    }

    private async Task<IResult> StartAsync(HttpRequest request, string journeyId, CancellationToken cancellationToken)
    {
        StartJourneyBatchRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartJourneyBatchRequest>(request.Body, JourneyJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not a batch start request.", $"Send {{\"contact_ids\": [...], \"request_key\": \"...\"}} or {{\"segment\": {{...}}, \"request_key\": \"...\"}}: {e.Message}");
        }

        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not a batch start request.", "Send a JSON object with contact_ids or segment.");
        }

        var requestKey = body.RequestKey ?? request.Headers[JourneyApiFunctions.IdempotencyKeyHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(requestKey))
        {
            return Problem(StatusCodes.Status400BadRequest, "An idempotency key is required.", $"Send request_key in the body or the '{JourneyApiFunctions.IdempotencyKeyHeader}' header, so a retried request never starts a second batch.");
        }

        var journeys = journeyStorage;
        var storage = journeyBatchStorage;
        await journeys.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var catalog = await journeys.Definitions.GetCatalogEntryAsync(journeyId, cancellationToken).ConfigureAwait(false);
        if (catalog is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has no published version; publish one first.");
        }

        // A retried request gets the batch it created, whatever its body says now.
        var existing = await storage.Batches.GetAsync(JourneyIds.BatchId(journeyId, requestKey), cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return await AnswerExistingAsync(request, existing, storage, cancellationToken).ConfigureAwait(false);
        }

        if (catalog.Paused)
        {
            return Problem(StatusCodes.Status409Conflict, "The journey is paused.", $"Resume journey '{journeyId}' before starting it.");
        }

        var definition = (await journeys.Definitions.GetVersionAsync(journeyId, catalog.LatestVersion, cancellationToken).ConfigureAwait(false))!;
        var now = timeProvider.GetUtcNow();
        var read = BatchSourceReader.Read(body, definition, requestKey, now);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var progress = read.Progress!;
        if (read.Entries is { } entries)
        {
            // The list goes in first: once the progress row exists, a page may be processed.
            await storage.Batches.SaveListAsync(progress.BatchId, entries, cancellationToken).ConfigureAwait(false);
        }

        if (!await storage.Batches.CreateAsync(progress, cancellationToken).ConfigureAwait(false))
        {
            var raced = (await storage.Batches.GetAsync(progress.BatchId, cancellationToken).ConfigureAwait(false))!;
            return await AnswerExistingAsync(request, raced, storage, cancellationToken).ConfigureAwait(false);
        }

        await storage.Queue.EnqueueAsync(progress.BatchId, 0, cancellationToken).ConfigureAwait(false);
        BatchLog.Accepted(logger, progress.BatchId, progress.JourneyId, progress.Version, progress.Source.ToString());
        return Accepted(request, progress, StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> AnswerExistingAsync(HttpRequest request, BatchProgress existing, JourneyBatchStorage storage, CancellationToken cancellationToken)
    {
        // A batch nobody has touched yet may have lost its first message (the request failed after creating it):
        // ask again. Pages are idempotent, so a second first page costs work, never a second start.
        if (existing.Status == BatchStatus.Queued)
        {
            await storage.Queue.EnqueueAsync(existing.BatchId, 0, cancellationToken).ConfigureAwait(false);
        }

        return Accepted(request, existing, StatusCodes.Status200OK);
    }

    private static JsonWithLocationResult Accepted(HttpRequest request, BatchProgress progress, int status)
    {
        var url = StatusUrl(RoutePrefix.Of(request, "journeys"), progress.BatchId);
        return new JsonWithLocationResult(url, new BatchAccepted(progress.BatchId, url, progress.Status.ToString().ToLowerInvariant()), status);
    }

    private async Task<IResult> GetAsync(HttpRequest request, string batchId, CancellationToken cancellationToken)
    {
        var storage = journeyBatchStorage;
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var progress = await storage.Batches.GetAsync(batchId, cancellationToken).ConfigureAwait(false);
        return progress is null
            ? Problem(StatusCodes.Status404NotFound, "No such batch.", $"Batch '{batchId}' does not exist.")
            : Results.Json(BatchView.From(progress), JourneyJson.Options);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
