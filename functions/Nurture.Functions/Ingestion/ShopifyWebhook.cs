using Microsoft.AspNetCore.Http;
using Nurture.Channels.Ingestion.Shopify;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary><c>POST /api/webhooks/shopify</c>: Shopify webhooks, authenticated by <c>X-Shopify-Hmac-Sha256</c> over the raw body.</summary>
public static class ShopifyWebhook
{
    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.ShopifyWebhook,
        new HttpTrigger("webhooks/shopify", ["POST"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var shop = request.Headers[ShopifyHeaders.ShopDomain].ToString();
        if (WebhookSecrets.Shopify(context.Options(), shop) is not { } secret)
        {
            return WebhookProblems.NotConfigured("Shopify", nameof(IngestionOptions.ShopifySecret), shop);
        }

        var body = await WebhookIntake.ReadBodyAsync(request, context.CancellationToken).ConfigureAwait(false);
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

        return await context.Intake().AcceptAsync(EventSource.Shopify, topic, WebhookIntake.ForwardedHeaders(request), body, context.CancellationToken).ConfigureAwait(false);
    }
}
