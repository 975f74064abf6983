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

/// <summary><c>POST /api/webhooks/bigcommerce</c>: BigCommerce hooks, authenticated by the shared-secret header configured on the hook.</summary>
public sealed class BigCommerceWebhook(IOptions<IngestionOptions> options, WebhookIntake intake)
{
    /// <summary>Answers <c>POST /api/webhooks/bigcommerce</c>.</summary>
    [Function(FunctionNames.BigCommerceWebhook)]
    [ApiHeader(BigCommerceSecretVerifier.DefaultHeaderName, Required = true, Description = "The shared secret set as a custom header on the hook (the header name is configurable: Ingestion:BigCommerceSecretHeader).")]
    [ApiRequestBody(typeof(JsonObject), Description = "BigCommerce's payload: its scope says what happened.")]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(DeliveryReceipt), Description = "Queued (or recorded as ignored): the platform need not retry.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a valid delivery; errors names every bad field.")]
    [ApiResponse(StatusCodes.Status401Unauthorized, Description = "The signature does not verify.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not of the expected media type.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "The webhook secret is not configured.")]
    public async Task<IActionResult> BigCommerceWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/bigcommerce")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (WebhookSecrets.VerifyBigCommerce(settings, request.Headers[settings.BigCommerceSecretHeader]) is not { } signature)
        {
            return WebhookProblems.NotConfigured("BigCommerce", nameof(IngestionOptions.BigCommerceSecret));
        }

        if (signature != SignatureStatus.Valid)
        {
            return WebhookProblems.BadSignature("BigCommerce", signature);
        }

        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        var body = await WebhookIntake.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);

        // The scope in the body says what happened; the mapper reads it.
        var headers = WebhookIntake.ForwardedHeaders(request, settings.BigCommerceSecretHeader);
        return await intake.AcceptAsync(EventSource.BigCommerce, string.Empty, headers, body, cancellationToken).ConfigureAwait(false);
    }
}
