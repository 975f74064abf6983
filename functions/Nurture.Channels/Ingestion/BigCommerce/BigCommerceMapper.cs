using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.BigCommerce;

/// <summary>
/// Maps BigCommerce's thin webhooks (<c>scope</c>, <c>data.type</c>/<c>data.id</c>, <c>hash</c>). They say what
/// changed, not what it is now: events carry the resource id and <c>thin: true</c>, and the processor fetches
/// details if it needs them. Duplicate fires share <c>hash</c>, the dedupe key.
/// </summary>
public sealed class BigCommerceMapper : IPayloadMapper
{
    /// <inheritdoc />
    public EventSource Source => EventSource.BigCommerce;

    /// <inheritdoc />
    public MappingOutcome Map(RawDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
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

        var reader = new FieldReader();
        var scope = reader.CheckId(root.RawString("scope") ?? delivery.Topic, "scope", required: true);
        if (scope is null)
        {
            return new InvalidDelivery(reader.Errors);
        }

        var data = root.Child("data");
        var type = Classify(scope, data);
        if (type is null)
        {
            return new IgnoredDelivery("unused BigCommerce scope '" + FieldReader.Clean(scope, 64) + "'");
        }

        var hash = reader.CheckId(root.RawString("hash"), "hash", required: true);
        var resourceId = data is { } d ? reader.Id(d, "id", "data.id", required: true) : null;
        if (data is null)
        {
            reader.Fail("data", "is required");
        }

        var storeId = reader.Id(root, "store_id", "store_id");
        var createdAt = root.Child("created_at") is { ValueKind: JsonValueKind.Number } c && c.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        if (reader.HasErrors)
        {
            return new InvalidDelivery(reader.Errors);
        }

        var properties = new PropertyBag()
            .Put(EventProperties.Scope, scope)
            .Put(EventProperties.StoreId, storeId)
            .Put(EventProperties.ResourceType, FieldReader.Text(data!.Value, "type", 32))
            .Put(EventProperties.ResourceId, resourceId)
            .Put("thin", true);
        var contact = ContactIdentity.Unknown;
        if (scope.StartsWith("store/order/", StringComparison.Ordinal))
        {
            properties.Put(EventProperties.OrderId, resourceId);
        }
        else if (scope.StartsWith("store/cart/", StringComparison.Ordinal))
        {
            properties.Put(EventProperties.CartToken, resourceId);
        }
        else if (scope.StartsWith("store/customer/", StringComparison.Ordinal))
        {
            contact = new ContactIdentity(CustomerId: resourceId);
        }

        return new MappedEvents(EventFactory.Create(EventSource.BigCommerce, type, hash!, createdAt ?? delivery.ReceivedAt, contact, properties));
    }

    /// <summary>The event type for a scope (and, for status updates, the new status); null when unused.</summary>
    private static string? Classify(string scope, JsonElement? data) => scope switch
    {
        "store/order/created" => EventTypes.OrderPlaced,
        "store/order/updated" => EventTypes.OrderUpdated,
        "store/order/refund/created" => EventTypes.RefundCreated,
        "store/order/statusUpdated" => (data?.Path("status", "new_status_id")?.ValueKind == JsonValueKind.Number ? data.Value.Path("status", "new_status_id")!.Value.GetRawText() : null) switch
        {
            "11" => EventTypes.OrderPaid,
            "2" or "10" => EventTypes.OrderFulfilled,
            "5" => EventTypes.OrderCancelled,
            "4" or "14" => EventTypes.RefundCreated,
            _ => EventTypes.OrderUpdated,
        },
        "store/customer/created" => EventTypes.CustomerCreated,
        "store/customer/updated" => EventTypes.CustomerUpdated,
        "store/cart/created" or "store/cart/updated" or "store/cart/lineItem/created" or "store/cart/lineItem/updated" => EventTypes.CartUpdated,
        _ => null,
    };
}
