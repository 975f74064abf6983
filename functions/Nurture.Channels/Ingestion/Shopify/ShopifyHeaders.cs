namespace Nurture.Channels.Ingestion.Shopify;

/// <summary>The Shopify delivery headers the mapper reads.</summary>
public static class ShopifyHeaders
{
    /// <summary>The topic.</summary>
    public const string Topic = "X-Shopify-Topic";

    /// <summary>The event that triggered the delivery: Shopify's advice for deduplication.</summary>
    public const string EventId = "X-Shopify-Event-Id";

    /// <summary>The delivery's webhook id (a fallback dedupe key).</summary>
    public const string WebhookId = "X-Shopify-Webhook-Id";

    /// <summary>The shop's myshopify domain.</summary>
    public const string ShopDomain = "X-Shopify-Shop-Domain";

    /// <summary>When Shopify triggered the delivery.</summary>
    public const string TriggeredAt = "X-Shopify-Triggered-At";
}
