using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Http;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Functions.OpenApi;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Start a journey for one contact (by contact id, email or phone), and list what the outbox channel recorded.</summary>
public sealed class JourneyApiFunctions(JourneyStorage journeyStorage, JourneyContactFinder contacts, JourneyContextLoader contexts, TimeProvider timeProvider, JourneyStarter journeyStarter)
{
    /// <summary>The header a start request may carry its idempotency key in.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary><c>POST /api/journeys/{journeyId}/start</c>.</summary>
    [Function(FunctionNames.StartJourney)]
    [ApiHeader(IdempotencyKeyHeader, Description = "The idempotency key, when the body has no request_key.")]
    [ApiRequestBody(typeof(StartJourneyRequest))]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(StartJourneyResponse), Description = "Entered: the instance starts in the background.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(StartJourneyResponse), Description = "Not entered (re-entry policy, entry conditions, or the same key again); the reason says why.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a start request, or contact_id or the idempotency key is missing.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "The journey has no published version, or no contact has that id, email or phone number.")]
    [ApiResponse(StatusCodes.Status409Conflict, Description = "The journey is paused.")]
    public async Task<IActionResult> StartJourneyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{journeyId}/start")] HttpRequest request, string journeyId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ResultAction.From(await StartAsync(request, journeyId, client, cancellationToken).ConfigureAwait(false));

    /// <summary><c>GET /api/outbox?contact_id=...</c>.</summary>
    [Function(FunctionNames.ListOutbox)]
    [ApiQuery("contact_id", Description = "Only what was recorded for this contact.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(IReadOnlyList<Nurture.Channels.Outbox.OutboxRecord>), Description = "What the outbox channel recorded instead of sending.")]
    public async Task<IActionResult> ListOutboxAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "outbox")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await ListRecordedAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> StartAsync(HttpRequest request, string journeyId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        StartJourneyRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartJourneyRequest>(request.Body, JourneyJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not a start request.", $"Send {{\"contact_id\": \"...\", \"request_key\": \"...\"}}: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(body?.ContactId))
        {
            return Problem(StatusCodes.Status400BadRequest, "contact_id is required.", "Send the contact's id, email address or phone number (+ and country code) to start the journey for.");
        }

        var requestKey = body.RequestKey ?? request.Headers[IdempotencyKeyHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(requestKey))
        {
            return Problem(StatusCodes.Status400BadRequest, "An idempotency key is required.", $"Send request_key in the body or the '{IdempotencyKeyHeader}' header, so a retried start never starts a second instance.");
        }

        var storage = journeyStorage;
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var catalog = await storage.Definitions.GetCatalogEntryAsync(journeyId, cancellationToken).ConfigureAwait(false);
        if (catalog is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has no published version; publish one first.");
        }

        if (catalog.Paused)
        {
            return Problem(StatusCodes.Status409Conflict, "The journey is paused.", $"Resume journey '{journeyId}' before starting it.");
        }

        var contact = await contacts.FindAsync(body.ContactId, cancellationToken).ConfigureAwait(false);
        if (contact is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such contact.", "No contact has that id, email or phone number; contacts come from ingestion (webhooks, the track API).");
        }

        var definition = (await storage.Definitions.GetVersionAsync(journeyId, catalog.LatestVersion, cancellationToken).ConfigureAwait(false))!;
        var prior = await storage.Instances.ListForContactAsync(contact.ContactId, journeyId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var decision = JourneyEntryEvaluator.ForApi(definition, contact, requestKey, prior.Select(p => p.ToPrior()).ToList(), now);
        if (decision.State is not { } pending)
        {
            return Results.Json(new StartJourneyResponse(false, decision.Reason), JourneyJson.Options, statusCode: StatusCodes.Status200OK);
        }

        var context = await contexts.LoadAsync(new LoadContextRequest(contact.ContactId, null, false, now), cancellationToken).ConfigureAwait(false);
        await journeyStarter.StartAsync(client, pending, definition, context, now, cancellationToken).ConfigureAwait(false);
        return Results.Json(new StartJourneyResponse(true, decision.Reason, pending.InstanceId, pending.Version), JourneyJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private async Task<IResult> ListRecordedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var storage = journeyStorage;
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var contactId = request.Query["contact_id"].FirstOrDefault();
        var records = await storage.Outbox.ListAsync(string.IsNullOrWhiteSpace(contactId) ? null : contactId, cancellationToken).ConfigureAwait(false);
        return Results.Json(records, JourneyJson.Options);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
