using Microsoft.AspNetCore.Http;
using Nurture.Channels.Ingestion.WooCommerce;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// <c>POST /api/webhooks/woocommerce</c>: WooCommerce webhooks, authenticated by <c>X-WC-Webhook-Signature</c>; the
/// unsigned ping WooCommerce sends when a hook is created is answered 200 with no side effect.
/// </summary>
public static class WooCommerceWebhook
{
    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.WooCommerceWebhook,
        new HttpTrigger("webhooks/woocommerce", ["POST"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var body = await WebhookIntake.ReadBodyAsync(request, context.CancellationToken).ConfigureAwait(false);
        var topic = request.Headers[WooCommerceHeaders.Topic].ToString();
        if (WooCommercePing.IsPing(topic, body))
        {
            return Results.Ok(new { status = "ready" });
        }

        var source = request.Headers[WooCommerceHeaders.Source].ToString();
        if (WebhookSecrets.WooCommerce(context.Options(), source) is not { } secret)
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

        return await context.Intake().AcceptAsync(EventSource.WooCommerce, topic, WebhookIntake.ForwardedHeaders(request), body, context.CancellationToken).ConfigureAwait(false);
    }
}
