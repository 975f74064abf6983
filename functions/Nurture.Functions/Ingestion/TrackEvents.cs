using Microsoft.AspNetCore.Http;
using Nurture.Core.Events;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// <c>POST /api/events</c> (function key): the storefront and shop-server track API, one event or a batch of up
/// to 500, each <c>{type, contact, occurredAt, properties, idempotencyKey}</c>.
/// </summary>
public static class TrackEvents
{
    /// <summary>The topic the track mapper reads.</summary>
    public const string Topic = "events";

    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.TrackEvents,
        new HttpTrigger("events", ["POST"], AuthorizationLevel.Function),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        var body = await WebhookIntake.ReadBodyAsync(request, context.CancellationToken).ConfigureAwait(false);
        return await context.Intake().AcceptAsync(EventSource.Track, Topic, WebhookIntake.ForwardedHeaders(request), body, context.CancellationToken).ConfigureAwait(false);
    }
}
