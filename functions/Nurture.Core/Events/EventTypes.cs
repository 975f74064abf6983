namespace Nurture.Core.Events;

/// <summary>
/// The canonical event types. Stored as text: never change a value, add a new one. Custom track-API types
/// are any other lowercase dotted or snake_case name.
/// </summary>
public static class EventTypes
{
#pragma warning disable CS1591 // The names say what they are.
    public const string OrderPlaced = "order.placed";
    public const string OrderPaid = "order.paid";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderFulfilled = "order.fulfilled";
    public const string RefundCreated = "refund.created";
    public const string CheckoutStarted = "checkout.started";
    public const string CheckoutUpdated = "checkout.updated";
    public const string CartUpdated = "cart.updated";
    public const string CustomerCreated = "customer.created";
    public const string CustomerUpdated = "customer.updated";
    public const string ConsentChanged = "consent.changed";
    public const string PageViewed = "page_viewed";
    public const string ProductViewed = "product_viewed";
    public const string Searched = "search";
    public const string AddedToCart = "added_to_cart";
    public const string RemovedFromCart = "removed_from_cart";
    public const string ReviewSubmitted = "review_submitted";
    public const string Shared = "shared";
    public const string EmailDelivered = "email.delivered";
    public const string EmailOpened = "email.opened";
    public const string EmailClicked = "email.clicked";
    public const string EmailBounced = "email.bounced";
    public const string EmailSpamReported = "email.spam_reported";
    public const string EmailUnsubscribed = "email.unsubscribed";
    public const string EmailGroupUnsubscribed = "email.group_unsubscribed";
    public const string EmailGroupResubscribed = "email.group_resubscribed";
    public const string SmsStatusChanged = "sms.status_changed";
    public const string SmsReceived = "sms.received";
    public const string PrivacyDataRequested = "privacy.data_requested";
    public const string PrivacyContactRedactRequested = "privacy.contact_redact_requested";
    public const string PrivacyShopRedactRequested = "privacy.shop_redact_requested";
    public const string OrderUpdated = "order.updated";
    public const string EmailProcessed = "email.processed";
    public const string EmailDropped = "email.dropped";
    public const string EmailDeferred = "email.deferred";
#pragma warning restore CS1591
}
