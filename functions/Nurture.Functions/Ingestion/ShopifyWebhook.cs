using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Nurture.Channels.Ingestion.Shopify;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Ingestion;

/// <summary><c>POST /api/webhooks/shopify</c>: Shopify webhooks, authenticated by <c>X-Shopify-Hmac-Sha256</c> over the raw body.</summary>
public sealed class ShopifyWebhook(IOptions<IngestionOptions> options, WebhookIntake intake)
{
    /// <summary>Answers <c>POST /api/webhooks/shopify</c>.</summary>
    [Function(FunctionNames.ShopifyWebhook)]
    [ApiHeader(ShopifySignatureVerifier.HeaderName, Required = true, Description = "Base64 HMAC-SHA256 of the raw body with the shop's webhook secret.")]
    [ApiHeader(ShopifyHeaders.Topic, Required = true, Description = "The webhook topic, e.g. orders/create.")]
    [ApiHeader(ShopifyHeaders.ShopDomain, Description = "The shop; picks its own secret when one is configured.")]
    [ApiRequestBody(typeof(JsonObject), Description = "Shopify's payload for the topic.")]
    [ApiResponse(StatusCodes.Status202Accepted, typeof(DeliveryReceipt), Description = "Queued (or recorded as ignored): the platform need not retry.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a valid delivery; errors names every bad field.")]
    [ApiResponse(StatusCodes.Status401Unauthorized, Description = "The signature does not verify.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not of the expected media type.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "The webhook secret is not configured.")]
    public async Task<IActionResult> ShopifyWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/shopify")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var shop = request.Headers[ShopifyHeaders.ShopDomain].ToString();
        if (WebhookSecrets.Shopify(options.Value, shop) is not { } secret)
        {
            return WebhookProblems.NotConfigured("Shopify", nameof(IngestionOptions.ShopifySecret), shop);
        }

        var body = await WebhookIntake.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var signature = new ShopifySignatureVerifier(secret).Verify(body, request.Headers[ShopifySignatureVerifier.HeaderName]);
        if (signature != SignatureStatus.Valid)
        {
            return WebhookProblems.BadSignature("Shopify", signature);
        }

        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        var topic = request.Headers[ShopifyHeaders.Topic].ToString();
        if (topic.Length == 0)
        {
            return WebhookProblems.MissingHeader(ShopifyHeaders.Topic);
        }

        return await intake.AcceptAsync(EventSource.Shopify, topic, WebhookIntake.ForwardedHeaders(request), body, cancellationToken).ConfigureAwait(false);
    }
}
