using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Core.Events;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// <c>POST /api/events</c> (function key): the storefront and shop-server track API, one event or a batch of up
/// to 500, each <c>{type, contact, occurredAt, properties, idempotencyKey}</c>.
/// </summary>
public sealed class TrackEvents(WebhookIntake intake)
{
    /// <summary>The topic the track mapper reads.</summary>
    public const string Topic = "events";

    /// <summary>Answers <c>POST /api/events</c>.</summary>
    [Function(FunctionNames.TrackEvents)]
    [ApiRequestBody(typeof(JsonObject), Description = "One event {type, contact: {id, customerId, email, phone}, occurredAt, properties, idempotencyKey}, or an array of up to 500.")]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(DeliveryReceipt), Description = "Queued (or recorded as ignored): the platform need not retry.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a valid delivery; errors names every bad field.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not of the expected media type.")]
    public async Task<IActionResult> TrackEventsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        var body = await WebhookIntake.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        return await intake.AcceptAsync(EventSource.Track, Topic, WebhookIntake.ForwardedHeaders(request), body, cancellationToken).ConfigureAwait(false);
    }
}
