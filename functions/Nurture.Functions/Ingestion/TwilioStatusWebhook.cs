using Microsoft.AspNetCore.Http;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Core.Events;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary><c>POST /api/webhooks/twilio/status</c>: Twilio message status callbacks, authenticated by <c>X-Twilio-Signature</c>.</summary>
public static class TwilioStatusWebhook
{
    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.TwilioStatusWebhook,
        new HttpTrigger("webhooks/twilio/status", ["POST"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var (body, error) = await TwilioRequest.VerifyAsync(request, context.Options(), context.CancellationToken).ConfigureAwait(false);
        return error ?? await context.Intake().AcceptAsync(EventSource.Twilio, TwilioMapper.StatusTopic, WebhookIntake.ForwardedHeaders(request), body, context.CancellationToken).ConfigureAwait(false);
    }
}
