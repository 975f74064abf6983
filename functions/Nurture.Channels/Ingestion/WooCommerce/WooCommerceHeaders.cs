namespace Nurture.Channels.Ingestion.WooCommerce;

/// <summary>The WooCommerce delivery headers the mapper reads.</summary>
public static class WooCommerceHeaders
{
    /// <summary>The topic, e.g. <c>order.created</c>.</summary>
    public const string Topic = "X-WC-Webhook-Topic";

    /// <summary>The store's URL.</summary>
    public const string Source = "X-WC-Webhook-Source";

    /// <summary>New for every delivery (so not a dedupe key: the resource id and its modification time are).</summary>
    public const string DeliveryId = "X-WC-Webhook-Delivery-ID";
}
