namespace Nurture.Core.Events;

/// <summary>Who reported an event. Stored by name: never rename a member, add a new one.</summary>
public enum EventSource
{
    /// <summary>A Shopify webhook.</summary>
    Shopify,

    /// <summary>A WooCommerce webhook.</summary>
    WooCommerce,

    /// <summary>A BigCommerce webhook.</summary>
    BigCommerce,

    /// <summary>The track API (storefront script or shop server).</summary>
    Track,

    /// <summary>The SendGrid Event Webhook.</summary>
    SendGrid,

    /// <summary>A Twilio status callback or inbound message.</summary>
    Twilio,

    /// <summary>Nurture itself (a journey, the marketer API, a timer).</summary>
    Nurture,
}
