using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Ingestion;

/// <summary><c>POST /api/webhooks/twilio/status</c>: Twilio message status callbacks, authenticated by <c>X-Twilio-Signature</c>.</summary>
public sealed class TwilioStatusWebhook(IOptions<IngestionOptions> options, WebhookIntake intake)
{
    /// <summary>Answers <c>POST /api/webhooks/twilio/status</c>.</summary>
    [Function(FunctionNames.TwilioStatusWebhook)]
    [ApiHeader(TwilioSignatureVerifier.HeaderName, Required = true, Description = "Twilio's signature of the public URL and the form fields.")]
    [ApiRequestBody(typeof(Dictionary<string, string>), ContentType = "application/x-www-form-urlencoded", Description = "Twilio's form fields.")]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(DeliveryReceipt), Description = "Queued (or recorded as ignored): the platform need not retry.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a valid delivery; errors names every bad field.")]
    [ApiResponse(StatusCodes.Status401Unauthorized, Description = "The signature does not verify.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not of the expected media type.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "The webhook secret is not configured.")]
    public async Task<IActionResult> TwilioStatusWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/twilio/status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, error) = await TwilioRequest.VerifyAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        return error ?? await intake.AcceptAsync(EventSource.Twilio, TwilioMapper.StatusTopic, WebhookIntake.ForwardedHeaders(request), body, cancellationToken).ConfigureAwait(false);
    }
}
