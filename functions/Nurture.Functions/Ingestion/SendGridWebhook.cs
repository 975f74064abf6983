using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Ingestion;

/// <summary><c>POST /api/webhooks/sendgrid</c>: the SendGrid Event Webhook, authenticated by its ECDSA signature; stale timestamps are refused.</summary>
public sealed class SendGridWebhook(IOptions<IngestionOptions> options, WebhookIntake intake, TimeProvider time)
{
    /// <summary>The topic the SendGrid mapper reads.</summary>
    public const string Topic = "events";

    /// <summary>Answers <c>POST /api/webhooks/sendgrid</c>.</summary>
    [Function(FunctionNames.SendGridWebhook)]
    [ApiHeader(SendGridSignatureVerifier.SignatureHeaderName, Required = true, Description = "SendGrid's ECDSA signature of timestamp and body.")]
    [ApiHeader(SendGridSignatureVerifier.TimestampHeaderName, Required = true, Description = "The signing time; stale ones are refused.")]
    [ApiRequestBody(typeof(IReadOnlyList<JsonObject>), Description = "SendGrid's Event Webhook batch: one object per delivery, open, click, bounce ...")]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(DeliveryReceipt), Description = "Queued (or recorded as ignored): the platform need not retry.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a valid delivery; errors names every bad field.")]
    [ApiResponse(StatusCodes.Status401Unauthorized, Description = "The signature does not verify.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not of the expected media type.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "The webhook secret is not configured.")]
    public async Task<IActionResult> SendGridWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/sendgrid")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.SendGridVerificationKey is not { Length: > 0 } key)
        {
            return WebhookProblems.NotConfigured("SendGrid", nameof(IngestionOptions.SendGridVerificationKey));
        }

        var body = await WebhookIntake.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        SendGridSignatureVerifier verifier;
        try
        {
            verifier = new SendGridSignatureVerifier(key, settings.SendGridTimestampTolerance);
        }
        catch (ArgumentException)
        {
            return WebhookProblems.Misconfigured("SendGrid", nameof(IngestionOptions.SendGridVerificationKey), "the base64 verification key shown in SendGrid's Event Webhook settings");
        }

        var signature = verifier.Verify(
            body,
            request.Headers[SendGridSignatureVerifier.SignatureHeaderName],
            request.Headers[SendGridSignatureVerifier.TimestampHeaderName],
            time.GetUtcNow());
        if (signature != SignatureStatus.Valid)
        {
            return WebhookProblems.BadSignature("SendGrid", signature);
        }

        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        return await intake.AcceptAsync(EventSource.SendGrid, Topic, WebhookIntake.ForwardedHeaders(request), body, cancellationToken).ConfigureAwait(false);
    }
}
