using System.Globalization;
using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.WooCommerce;

/// <summary>
/// Maps WooCommerce order and customer webhooks. WooCommerce sends one <c>order.updated</c> for every
/// change, so the event type follows the order's status; the dedupe key is the resource, its id and its
/// <c>date_modified_gmt</c> (the delivery id is new on every post).
/// </summary>
public sealed class WooCommerceMapper : IPayloadMapper
{
    /// <inheritdoc />
    public EventSource Source => EventSource.WooCommerce;

    /// <inheritdoc />
    public MappingOutcome Map(RawDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var topic = delivery.Topic.Trim();
        if (topic is not ("order.created" or "order.updated" or "customer.created" or "customer.updated"))
        {
            return new IgnoredDelivery("unused WooCommerce topic '" + FieldReader.Clean(topic, 64) + "'");
        }

        using var document = PayloadJson.TryParse(delivery.Body, out var parseError);
        if (document is null)
        {
            return new InvalidDelivery([parseError!]);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return new InvalidDelivery("body", "must be a JSON object");
        }

        var reader = new FieldReader();
        return topic.StartsWith("order.", StringComparison.Ordinal)
            ? MapOrder(delivery, document.RootElement, reader, topic == "order.created")
            : MapCustomer(delivery, document.RootElement, reader, topic == "customer.created");
    }

    private static MappingOutcome MapOrder(RawDelivery delivery, JsonElement root, FieldReader reader, bool created)
    {
        var id = reader.Id(root, "id", "id", required: true);
        var modified = reader.Time(root, "date_modified_gmt", "date_modified_gmt");
        var status = FieldReader.Text(root, "status", 32);
        var type = created ? EventTypes.OrderPlaced : status switch
        {
            "processing" => EventTypes.OrderPaid,
            "completed" => EventTypes.OrderFulfilled,
            "cancelled" => EventTypes.OrderCancelled,
            "refunded" => EventTypes.RefundCreated,
            _ => EventTypes.OrderUpdated,
        };
        var occurredAt = type switch
        {
            EventTypes.OrderPlaced => reader.Time(root, "date_created_gmt", "date_created_gmt"),
            EventTypes.OrderPaid => reader.Time(root, "date_paid_gmt", "date_paid_gmt"),
            EventTypes.OrderFulfilled => reader.Time(root, "date_completed_gmt", "date_completed_gmt"),
            _ => null,
        } ?? modified;
        var billing = root.Child("billing");
        var properties = new PropertyBag()
            .Put(EventProperties.OrderId, id)
            .Put(EventProperties.OrderNumber, FieldReader.Text(root, "number", 64))
            .Put(EventProperties.OrderStatus, status)
            .Put(EventProperties.Total, reader.Amount(root, "total", "total"))
            .Put(EventProperties.Currency, FieldReader.Text(root, "currency", 8))
            .Put(EventProperties.LineItems, LineItems(root, reader))
            .Put(EventProperties.DiscountCodes, root.Items("coupon_lines").Select(c => FieldReader.Text(c, "code", 128)).OfType<string>().ToList())
            .Put(EventProperties.CartToken, reader.Id(root, "cart_hash", "cart_hash"))
            .Put(EventProperties.Url, FieldReader.Text(root, "payment_url", 2048));
        if (type == EventTypes.RefundCreated)
        {
            var refunded = root.Items("refunds").Select((r, i) => reader.Amount(r, "total", "refunds[" + i + "].total") ?? 0m).Sum();
            properties.Put(EventProperties.RefundAmount, Math.Abs(refunded));
        }

        AddPerson(properties, billing);
        var customerId = reader.Id(root, "customer_id", "customer_id");
        var contact = EventFactory.Contact(customerId is "0" ? null : customerId, billing?.RawString("email"), billing?.RawString("phone"));
        return Finish(delivery, reader, type, "order", id, modified, occurredAt, contact, properties);
    }

    private static MappingOutcome MapCustomer(RawDelivery delivery, JsonElement root, FieldReader reader, bool created)
    {
        var id = reader.Id(root, "id", "id", required: true);
        var modified = reader.Time(root, "date_modified_gmt", "date_modified_gmt");
        var billing = root.Child("billing");
        var properties = new PropertyBag()
            .Put(EventProperties.FirstName, FieldReader.Text(root, "first_name", 128))
            .Put(EventProperties.LastName, FieldReader.Text(root, "last_name", 128));
        AddPerson(properties, billing, namesToo: false);
        var contact = EventFactory.Contact(id, root.RawString("email") ?? billing?.RawString("email"), billing?.RawString("phone"));
        var occurredAt = modified ?? reader.Time(root, "date_created_gmt", "date_created_gmt");
        return Finish(delivery, reader, created ? EventTypes.CustomerCreated : EventTypes.CustomerUpdated, "customer", id, modified, occurredAt, contact, properties);
    }

    private static void AddPerson(PropertyBag properties, JsonElement? billing, bool namesToo = true)
    {
        if (billing is not { } b)
        {
            return;
        }

        if (namesToo)
        {
            properties.Put(EventProperties.FirstName, FieldReader.Text(b, "first_name", 128)).Put(EventProperties.LastName, FieldReader.Text(b, "last_name", 128));
        }

        properties.Put(EventProperties.Country, FieldReader.Text(b, "country", 8)).Put(EventProperties.City, FieldReader.Text(b, "city", 128));
    }

    private static List<PropertyBag> LineItems(JsonElement root, FieldReader reader)
    {
        var items = new List<PropertyBag>();
        var index = 0;
        foreach (var line in root.Items("line_items"))
        {
            var path = "line_items[" + index++ + "]";
            var variation = reader.Id(line, "variation_id", path + ".variation_id");
            items.Add(PropertyBag.LineItem(
                reader.Id(line, "product_id", path + ".product_id"),
                variation is "0" ? null : variation,
                FieldReader.Text(line, "sku", 128),
                FieldReader.Text(line, "name", 256),
                null,
                reader.Count(line, "quantity", path + ".quantity"),
                reader.Amount(line, "price", path + ".price")));
        }

        return items;
    }

    private static MappingOutcome Finish(RawDelivery delivery, FieldReader reader, string type, string resource, string? id, DateTimeOffset? modified, DateTimeOffset? occurredAt, ContactIdentity contact, PropertyBag properties)
    {
        if (modified is null && !reader.HasErrors)
        {
            reader.Fail("date_modified_gmt", "is required to deduplicate this delivery");
        }

        if (reader.HasErrors)
        {
            return new InvalidDelivery(reader.Errors);
        }

        var key = resource + ":" + id + ":" + modified!.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        properties.Put(EventProperties.ShopDomain, FieldReader.Clean(delivery.Header(WooCommerceHeaders.Source), 255));
        return new MappedEvents(EventFactory.Create(EventSource.WooCommerce, type, key, occurredAt ?? delivery.ReceivedAt, contact, properties));
    }
}
