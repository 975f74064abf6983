using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Catalog;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>The first marketer endpoints: start a journey for a contact, read or cancel an instance, list the outbox.</summary>
public static class JourneyApiFunctions
{
    /// <summary>The header a start request may carry its idempotency key in.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary><c>POST /api/journeys/{journeyId}/start</c>.</summary>
    public static HttpFunction StartJourney { get; } = new(
        FunctionNames.StartJourney,
        new HttpTrigger("journeys/{journeyId}/start", ["POST"], AuthorizationLevel.Function),
        StartAsync);

    /// <summary><c>GET /api/journeys/instances/{instanceId}</c>.</summary>
    public static HttpFunction GetJourneyInstance { get; } = new(
        FunctionNames.GetJourneyInstance,
        new HttpTrigger("journeys/instances/{instanceId}", ["GET"], AuthorizationLevel.Function),
        GetInstanceAsync);

    /// <summary><c>POST /api/journeys/instances/{instanceId}/cancel</c>: asks the instance to end (applied by <c>AdvanceJourney</c>).</summary>
    public static HttpFunction CancelJourneyInstance { get; } = new(
        FunctionNames.CancelJourneyInstance,
        new HttpTrigger("journeys/instances/{instanceId}/cancel", ["POST"], AuthorizationLevel.Function),
        CancelAsync);

    /// <summary><c>GET /api/outbox?contact_id=...</c>.</summary>
    public static HttpFunction ListOutbox { get; } = new(
        FunctionNames.ListOutbox,
        new HttpTrigger("outbox", ["GET"], AuthorizationLevel.Function),
        ListOutboxAsync);

    private static async Task<IResult> StartAsync(HttpRequest request, FunctionContext context)
    {
        var journeyId = request.RouteValues["journeyId"] as string ?? string.Empty;
        StartJourneyRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartJourneyRequest>(request.Body, JourneyJson.Options, context.CancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not a start request.", $"Send {{\"contact_id\": \"...\", \"request_key\": \"...\"}}: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(body?.ContactId))
        {
            return Problem(StatusCodes.Status400BadRequest, "contact_id is required.", "Send the id of the contact to start the journey for.");
        }

        var requestKey = body.RequestKey ?? request.Headers[IdempotencyKeyHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(requestKey))
        {
            return Problem(StatusCodes.Status400BadRequest, "An idempotency key is required.", $"Send request_key in the body or the '{IdempotencyKeyHeader}' header, so a retried start never starts a second instance.");
        }

        var storage = context.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        var catalog = await storage.Definitions.GetCatalogEntryAsync(journeyId, context.CancellationToken).ConfigureAwait(false);
        if (catalog is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey.", $"Journey '{journeyId}' has no published version; publish one first.");
        }

        if (catalog.Paused)
        {
            return Problem(StatusCodes.Status409Conflict, "The journey is paused.", $"Resume journey '{journeyId}' before starting it.");
        }

        var definition = (await storage.Definitions.GetVersionAsync(journeyId, catalog.LatestVersion, context.CancellationToken).ConfigureAwait(false))!;
        var contacts = context.Services.GetRequiredService<IJourneyContactSource>();
        var contact = (await contacts.GetAsync(body.ContactId, context.CancellationToken).ConfigureAwait(false))?.Contact ?? new JourneyContact(body.ContactId);
        var prior = await storage.Instances.ListForContactAsync(body.ContactId, journeyId, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var decision = JourneyEntryEvaluator.ForApi(definition, contact, requestKey, prior.Select(p => p.ToPrior()).ToList(), now);
        if (decision.State is not { } pending)
        {
            return Results.Json(new StartJourneyResponse(false, decision.Reason), JourneyJson.Options, statusCode: StatusCodes.Status200OK);
        }

        await context.Services.GetRequiredService<JourneyStarter>().StartAsync(pending, now, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(new StartJourneyResponse(true, decision.Reason, pending.InstanceId, pending.Version), JourneyJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> GetInstanceAsync(HttpRequest request, FunctionContext context)
    {
        var instanceId = request.RouteValues["instanceId"] as string ?? string.Empty;
        var storage = context.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        var stored = await storage.Instances.LoadAsync(instanceId, context.CancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey instance.", $"Instance '{instanceId}' does not exist.");
        }

        var timeline = await storage.Instances.ReadHistoryAsync(instanceId, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(new InstanceView(stored.State, timeline, stored.Pending.Count), JourneyJson.Options);
    }

    private static async Task<IResult> CancelAsync(HttpRequest request, FunctionContext context)
    {
        var instanceId = request.RouteValues["instanceId"] as string ?? string.Empty;
        var storage = context.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        var stored = await storage.Instances.LoadAsync(instanceId, context.CancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such journey instance.", $"Instance '{instanceId}' does not exist.");
        }

        if (stored.State.IsFinished)
        {
            return Problem(StatusCodes.Status409Conflict, "The instance has already ended.", $"Instance '{instanceId}' is {stored.State.Status.ToString().ToLowerInvariant()}.");
        }

        // Through the queue like every other trigger, so the cancel is decided, saved and applied the usual way.
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await storage.Work.EnqueueAsync(instanceId, new CancelTrigger(now), context.CancellationToken).ConfigureAwait(false);
        return Results.Accepted($"journeys/instances/{instanceId}");
    }

    private static async Task<IResult> ListOutboxAsync(HttpRequest request, FunctionContext context)
    {
        var storage = context.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        var contactId = request.Query["contact_id"].FirstOrDefault();
        var records = await storage.Outbox.ListAsync(string.IsNullOrWhiteSpace(contactId) ? null : contactId, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(records, JourneyJson.Options);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
