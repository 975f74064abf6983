using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Start a journey for a list of contacts or a segment, in the background, and watch the batch.</summary>
public static class JourneyBatchFunctions
{
    /// <summary><c>POST /api/journeys/{journeyId}/batch-starts</c>.</summary>
    public static HttpFunction CreateJourneyBatch { get; } = new(
        FunctionNames.CreateJourneyBatch,
        new HttpTrigger("journeys/{journeyId}/batch-starts", ["POST"], AuthorizationLevel.Function),
        StartAsync);

    /// <summary><c>GET /api/journeys/batches/{batchId}</c>.</summary>
    public static HttpFunction GetJourneyBatch { get; } = new(
        FunctionNames.GetJourneyBatch,
        new HttpTrigger("journeys/batches/{batchId}", ["GET"], AuthorizationLevel.Function),
        GetAsync);

    /// <summary>Where a batch's status is read.</summary>
    /// <param name="routePrefix">The HTTP route prefix (<c>api</c> by default).</param>
    /// <param name="batchId">The batch.</param>
    public static string StatusUrl(string routePrefix, string batchId)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        var prefix = routePrefix.Trim('/');
        return (prefix.Length == 0 ? string.Empty : "/" + prefix) + $"/journeys/batches/{Uri.EscapeDataString(batchId)}";
    }

    private static async Task<IResult> StartAsync(HttpRequest request, FunctionContext context)
    {
        var journeyId = request.RouteValues["journeyId"] as string ?? string.Empty;
        StartJourneyBatchRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartJourneyBatchRequest>(request.Body, JourneyJson.Options, context.CancellationToken).ConfigureAwait(false);
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

        var journeys = context.Services.GetRequiredService<JourneyStorage>();
        var storage = context.Services.GetRequiredService<JourneyBatchStorage>();
        await journeys.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        var catalog = await journeys.Definitions.GetCatalogEntryAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        if (catalog is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has no published version; publish one first.");
        }

        // A retried request gets the batch it created, whatever its body says now.
        var existing = await storage.Batches.GetAsync(JourneyIds.BatchId(journeyId, requestKey), context.CancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return await AnswerExistingAsync(existing, storage, context).ConfigureAwait(false);
        }

        if (catalog.Paused)
        {
            return Problem(StatusCodes.Status409Conflict, "The journey is paused.", $"Resume journey '{journeyId}' before starting it.");
        }

        var definition = (await journeys.Definitions.GetVersionAsync(journeyId, catalog.LatestVersion, context.CancellationToken).ConfigureAwait(false))!;
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var read = BatchSourceReader.Read(body, definition, requestKey, now);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var progress = read.Progress!;
        if (read.Entries is { } entries)
        {
            // The list goes in first: once the progress row exists, a page may be processed.
            await storage.Batches.SaveListAsync(progress.BatchId, entries, context.CancellationToken).ConfigureAwait(false);
        }

        if (!await storage.Batches.CreateAsync(progress, context.CancellationToken).ConfigureAwait(false))
        {
            var raced = (await storage.Batches.GetAsync(progress.BatchId, context.CancellationToken).ConfigureAwait(false))!;
            return await AnswerExistingAsync(raced, storage, context).ConfigureAwait(false);
        }

        await storage.Queue.EnqueueAsync(progress.BatchId, 0, context.CancellationToken).ConfigureAwait(false);
        BatchLog.Accepted(context.Services.GetRequiredService<ILogger<JourneyBatchProcessor>>(), progress.BatchId, progress.JourneyId, progress.Version, progress.Source.ToString());
        return Accepted(progress, StatusCodes.Status202Accepted, context);
    }

    private static async Task<IResult> AnswerExistingAsync(BatchProgress existing, JourneyBatchStorage storage, FunctionContext context)
    {
        // A batch nobody has touched yet may have lost its first message (the request failed after creating it):
        // ask again. Pages are idempotent, so a second first page costs work, never a second start.
        if (existing.Status == BatchStatus.Queued)
        {
            await storage.Queue.EnqueueAsync(existing.BatchId, 0, context.CancellationToken).ConfigureAwait(false);
        }

        return Accepted(existing, StatusCodes.Status200OK, context);
    }

    private static JsonWithLocationResult Accepted(BatchProgress progress, int status, FunctionContext context)
    {
        var url = StatusUrl(context.Services.GetRequiredService<IOptions<HttpFunctionOptions>>().Value.RoutePrefix, progress.BatchId);
        return new JsonWithLocationResult(url, new BatchAccepted(progress.BatchId, url, progress.Status.ToString().ToLowerInvariant()), status);
    }

    private static async Task<IResult> GetAsync(HttpRequest request, FunctionContext context)
    {
        var batchId = request.RouteValues["batchId"] as string ?? string.Empty;
        var storage = context.Services.GetRequiredService<JourneyBatchStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        var progress = await storage.Batches.GetAsync(batchId, context.CancellationToken).ConfigureAwait(false);
        return progress is null
            ? Problem(StatusCodes.Status404NotFound, "No such batch.", $"Batch '{batchId}' does not exist.")
            : Results.Json(BatchView.From(progress), JourneyJson.Options);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
