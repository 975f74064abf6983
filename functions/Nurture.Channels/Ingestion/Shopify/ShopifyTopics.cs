namespace Nurture.Channels.Ingestion.Shopify;

/// <summary>The Shopify webhook topics Nurture maps (the <c>X-Shopify-Topic</c> values).</summary>
public static class ShopifyTopics
{
#pragma warning disable CS1591 // The names say what they are.
    public const string OrdersCreate = "orders/create";
    public const string OrdersPaid = "orders/paid";
    public const string OrdersCancelled = "orders/cancelled";
    public const string OrdersFulfilled = "orders/fulfilled";
    public const string RefundsCreate = "refunds/create";
    public const string CheckoutsCreate = "checkouts/create";
    public const string CheckoutsUpdate = "checkouts/update";
    public const string CartsCreate = "carts/create";
    public const string CartsUpdate = "carts/update";
    public const string CustomersCreate = "customers/create";
    public const string CustomersUpdate = "customers/update";
    public const string CustomersMarketingConsentUpdate = "customers/marketing_consent/update";
    public const string CustomersEmailMarketingConsentUpdate = "customers_email_marketing_consent/update";
    public const string CustomersDataRequest = "customers/data_request";
    public const string CustomersRedact = "customers/redact";
    public const string ShopRedact = "shop/redact";
#pragma warning restore CS1591
}
