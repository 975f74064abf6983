namespace Nurture.Functions.Ingestion;

/// <summary>
/// One shop's own webhook secrets (<c>Ingestion:Shops:N</c>), for shops that sign with a secret of their own: a
/// Shopify custom app, a WooCommerce store's webhooks, a BigCommerce store's hooks. Shops without an entry use the
/// platform-wide secret (a Shopify public app signs every shop's deliveries with the app's secret).
/// </summary>
public sealed class ShopWebhookSecrets
{
    /// <summary>The shop: its Shopify domain (<c>candles.myshopify.com</c>, from <c>X-Shopify-Shop-Domain</c>) or its WooCommerce site (<c>shop.example.com</c>, from <c>X-WC-Webhook-Source</c>).</summary>
    public string? Shop { get; set; }

    /// <summary>The shop's Shopify secret.</summary>
    public string? ShopifySecret { get; set; }

    /// <summary>The shop's WooCommerce webhook secret.</summary>
    public string? WooCommerceSecret { get; set; }

    /// <summary>The shop's BigCommerce shared secret (sent by its hooks in the configured secret header).</summary>
    public string? BigCommerceSecret { get; set; }
}
