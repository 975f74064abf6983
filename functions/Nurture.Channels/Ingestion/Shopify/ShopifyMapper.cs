using System.Globalization;
using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.Shopify;

/// <summary>
/// Maps Shopify webhooks (orders, refunds, checkouts, carts, customers, consent and the mandatory privacy
/// topics) to canonical events. The dedupe key is the topic plus <c>X-Shopify-Event-Id</c>.
/// </summary>
public sealed partial class ShopifyMapper : IPayloadMapper
{
    /// <inheritdoc />
    public EventSource Source => EventSource.Shopify;

    /// <inheritdoc />
    public MappingOutcome Map(RawDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var topic = delivery.Topic.Trim();
        if (!IsKnown(topic))
        {
            return new IgnoredDelivery("unknown Shopify topic '" + FieldReader.Clean(topic, 64) + "'");
        }

        using var document = PayloadJson.TryParse(delivery.Body, out var parseError);
        if (document is null)
        {
            return new InvalidDelivery([parseError!]);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new InvalidDelivery("body", "must be a JSON object");
        }

        var context = new Context(delivery, root, new FieldReader());
        return topic switch
        {
            ShopifyTopics.OrdersCreate => MapOrder(context, EventTypes.OrderPlaced, "created_at"),
            ShopifyTopics.OrdersPaid => MapOrder(context, EventTypes.OrderPaid, "updated_at"),
            ShopifyTopics.OrdersCancelled => MapOrder(context, EventTypes.OrderCancelled, "cancelled_at"),
            ShopifyTopics.OrdersFulfilled => MapOrder(context, EventTypes.OrderFulfilled, "updated_at"),
            ShopifyTopics.RefundsCreate => MapRefund(context),
            ShopifyTopics.CheckoutsCreate => MapCheckout(context, EventTypes.CheckoutStarted),
            ShopifyTopics.CheckoutsUpdate => MapCheckout(context, EventTypes.CheckoutUpdated),
            ShopifyTopics.CartsCreate or ShopifyTopics.CartsUpdate => MapCart(context),
            ShopifyTopics.CustomersCreate => MapCustomer(context, EventTypes.CustomerCreated),
            ShopifyTopics.CustomersUpdate => MapCustomer(context, EventTypes.CustomerUpdated),
            ShopifyTopics.CustomersMarketingConsentUpdate or ShopifyTopics.CustomersEmailMarketingConsentUpdate => MapConsent(context),
            ShopifyTopics.CustomersDataRequest => MapPrivacy(context, EventTypes.PrivacyDataRequested),
            ShopifyTopics.CustomersRedact => MapPrivacy(context, EventTypes.PrivacyContactRedactRequested),
            _ => MapPrivacy(context, EventTypes.PrivacyShopRedactRequested),
        };
    }

    private static bool IsKnown(string topic) => topic is ShopifyTopics.OrdersCreate or ShopifyTopics.OrdersPaid or ShopifyTopics.OrdersCancelled
        or ShopifyTopics.OrdersFulfilled or ShopifyTopics.RefundsCreate or ShopifyTopics.CheckoutsCreate or ShopifyTopics.CheckoutsUpdate
        or ShopifyTopics.CartsCreate or ShopifyTopics.CartsUpdate or ShopifyTopics.CustomersCreate or ShopifyTopics.CustomersUpdate
        or ShopifyTopics.CustomersMarketingConsentUpdate or ShopifyTopics.CustomersEmailMarketingConsentUpdate
        or ShopifyTopics.CustomersDataRequest or ShopifyTopics.CustomersRedact or ShopifyTopics.ShopRedact;

    /// <summary>
    /// Finishes an event: the dedupe key is topic + event id (falling back to the webhook id, then to the
    /// resource and its version), the time the payload's own, else the trigger time, else receipt.
    /// </summary>
    private static MappingOutcome Finish(Context context, string type, string? resourceKey, DateTimeOffset? occurredAt, ContactIdentity contact, PropertyBag properties)
    {
        var reader = context.Reader;
        var eventId = reader.CheckId(context.Delivery.Header(ShopifyHeaders.EventId), ShopifyHeaders.EventId);
        var webhookId = reader.CheckId(context.Delivery.Header(ShopifyHeaders.WebhookId), ShopifyHeaders.WebhookId);
        var topic = context.Delivery.Topic.Trim();
        var key = eventId is not null ? topic + ":event:" + eventId
            : webhookId is not null ? topic + ":webhook:" + webhookId
            : resourceKey is not null ? topic + ":resource:" + resourceKey
            : null;
        if (key is null && !reader.HasErrors)
        {
            reader.Fail(ShopifyHeaders.EventId, "is required to deduplicate this delivery");
        }

        if (reader.HasErrors)
        {
            return new InvalidDelivery(reader.Errors);
        }

        properties.Put(EventProperties.ShopDomain, FieldReader.Clean(context.Delivery.Header(ShopifyHeaders.ShopDomain), 255));
        var at = occurredAt ?? TriggeredAt(context.Delivery) ?? context.Delivery.ReceivedAt;
        return new MappedEvents(EventFactory.Create(EventSource.Shopify, type, key!, at, contact, properties));
    }

    private static DateTimeOffset? TriggeredAt(RawDelivery delivery) =>
        DateTimeOffset.TryParse(delivery.Header(ShopifyHeaders.TriggeredAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private sealed record Context(RawDelivery Delivery, JsonElement Root, FieldReader Reader);
}
