namespace Nurture.Core.Events;

/// <summary>
/// The normalised property names mappers write into <see cref="CanonicalEvent.Properties"/> and the profile
/// reducer and journeys read, whatever platform reported the event. Stored: never rename, add new ones.
/// </summary>
/// <remarks>Amounts are JSON numbers in the order's currency; times are ISO 8601 with offset.</remarks>
public static class EventProperties
{
#pragma warning disable CS1591 // The names say what they are; docs/events.md describes each.
    public const string ShopDomain = "shopDomain";
    public const string OrderId = "orderId";
    public const string OrderNumber = "orderNumber";
    public const string OrderStatus = "orderStatus";
    public const string Total = "total";
    public const string Subtotal = "subtotal";
    public const string Currency = "currency";
    public const string LineItems = "lineItems";
    public const string ProductId = "productId";
    public const string VariantId = "variantId";
    public const string Sku = "sku";
    public const string Title = "title";
    public const string Category = "category";
    public const string Quantity = "quantity";
    public const string Price = "price";
    public const string CheckoutToken = "checkoutToken";
    public const string CartToken = "cartToken";
    public const string DiscountCodes = "discountCodes";
    public const string Url = "url";
    public const string RefundId = "refundId";
    public const string RefundAmount = "refundAmount";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Locale = "locale";
    public const string TimeZone = "timeZone";
    public const string Country = "country";
    public const string City = "city";
    public const string Birthday = "birthday";
    public const string Tags = "tags";
    public const string EmailConsent = "emailConsent";
    public const string SmsConsent = "smsConsent";
    public const string Channel = "channel";
    public const string ConsentStatus = "status";
    public const string ConsentSource = "source";
    public const string ConsentAt = "consentAt";
    public const string Proof = "proof";
    public const string MessageId = "messageId";
    public const string ProviderMessageId = "providerMessageId";
    public const string MessageStatus = "messageStatus";
    public const string ErrorCode = "errorCode";
    public const string MachineOpen = "machineOpen";
    public const string BounceType = "bounceType";
    public const string Reason = "reason";
    public const string AsmGroupId = "asmGroupId";
    public const string CustomArgs = "customArgs";
    public const string Keyword = "keyword";
    public const string Body = "body";
    public const string ResourceType = "resourceType";
    public const string ResourceId = "resourceId";
    public const string Scope = "scope";
    public const string StoreId = "storeId";
    public const string RequestId = "requestId";
    public const string OrdersRequested = "ordersRequested";
    public const string Topic = "topic";
    public const string Query = "query";
#pragma warning restore CS1591
}
