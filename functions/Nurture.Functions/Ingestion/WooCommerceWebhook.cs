using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Nurture.Channels.Ingestion.WooCommerce;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// <c>POST /api/webhooks/woocommerce</c>: WooCommerce webhooks, authenticated by <c>X-WC-Webhook-Signature</c>; the
/// unsigned ping WooCommerce sends when a hook is created is answered 200 with no side effect.
/// </summary>
public sealed class WooCommerceWebhook(IOptions<IngestionOptions> options, WebhookIntake intake)
{
    /// <summary>Answers <c>POST /api/webhooks/woocommerce</c>.</summary>
    [Function(FunctionNames.WooCommerceWebhook)]
    [ApiHeader(WooCommerceSignatureVerifier.HeaderName, Required = true, Description = "Base64 HMAC-SHA256 of the raw body with the webhook secret.")]
    [ApiHeader(WooCommerceHeaders.Topic, Required = true, Description = "The webhook topic, e.g. order.created.")]
    [ApiHeader(WooCommerceHeaders.Source, Description = "The store URL; picks its own secret when one is configured.")]
    [ApiRequestBody(typeof(JsonObject), Description = "WooCommerce's payload for the topic, or the ping sent when the webhook is created.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(PingAnswer), Description = "The creation ping, answered without side effects.")]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(DeliveryReceipt), Description = "Queued (or recorded as ignored): the platform need not retry.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a valid delivery; errors names every bad field.")]
    [ApiResponse(StatusCodes.Status401Unauthorized, Description = "The signature does not verify.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not of the expected media type.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "The webhook secret is not configured.")]
    public async Task<IActionResult> WooCommerceWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/woocommerce")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await WebhookIntake.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var topic = request.Headers[WooCommerceHeaders.Topic].ToString();
        if (WooCommercePing.IsPing(topic, body))
        {
            return ApiJson.Result(PingAnswer.Ready);
        }

        var source = request.Headers[WooCommerceHeaders.Source].ToString();
        if (WebhookSecrets.WooCommerce(options.Value, source) is not { } secret)
        {
            return WebhookProblems.NotConfigured("WooCommerce", nameof(IngestionOptions.WooCommerceSecret), source);
        }

        var signature = new WooCommerceSignatureVerifier(secret).Verify(body, request.Headers[WooCommerceSignatureVerifier.HeaderName]);
        if (signature != SignatureStatus.Valid)
        {
            return WebhookProblems.BadSignature("WooCommerce", signature);
        }

        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        if (topic.Length == 0)
        {
            return WebhookProblems.MissingHeader(WooCommerceHeaders.Topic);
        }

        return await intake.AcceptAsync(EventSource.WooCommerce, topic, WebhookIntake.ForwardedHeaders(request), body, cancellationToken).ConfigureAwait(false);
    }
}
