using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.Shopify;

public sealed partial class ShopifyMapper
{
    private static MappingOutcome MapCustomer(Context context, string type)
    {
        var (root, reader) = (context.Root, context.Reader);
        var customerId = reader.Id(root, "id", "id", required: true);
        var occurredAt = reader.Time(root, "updated_at", "updated_at") ?? reader.Time(root, "created_at", "created_at");
        var address = root.Child("default_address");
        var tags = (root.RawString("tags") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => FieldReader.Clean(t, 64))
            .OfType<string>()
            .ToList();
        var properties = new PropertyBag()
            .Put(EventProperties.FirstName, FieldReader.Text(root, "first_name", 128))
            .Put(EventProperties.LastName, FieldReader.Text(root, "last_name", 128))
            .Put(EventProperties.Locale, FieldReader.Text(root, "locale", 35))
            .Put(EventProperties.Country, address is { } a ? FieldReader.Text(a, "country_code", 8) : null)
            .Put(EventProperties.City, address is { } b ? FieldReader.Text(b, "city", 128) : null)
            .Put(EventProperties.EmailConsent, Consent(root.Child("email_marketing_consent"), reader, "email_marketing_consent"))
            .Put(EventProperties.SmsConsent, Consent(root.Child("sms_marketing_consent"), reader, "sms_marketing_consent"));
        if (root.Child("tags") is not null)
        {
            // Present but empty still means "the shop's tags are now none".
            properties.PutRaw(EventProperties.Tags, JsonSerializer.SerializeToElement(tags));
        }

        var contact = EventFactory.Contact(customerId, root.RawString("email"), root.RawString("phone"));
        return Finish(context, type, customerId is null ? null : customerId + ":" + occurredAt?.ToUnixTimeMilliseconds(), occurredAt, contact, properties);
    }

    /// <summary><c>customers/marketing_consent/update</c> (SMS) and <c>customers_email_marketing_consent/update</c> (email).</summary>
    private static MappingOutcome MapConsent(Context context)
    {
        var (root, reader) = (context.Root, context.Reader);
        var customerId = reader.Id(root, "id", "id") ?? reader.Id(root, "customer_id", "customer_id", required: true);
        var sms = root.Child("sms_marketing_consent");
        var channel = sms is null ? "email" : "sms";
        var field = sms is null ? "email_marketing_consent" : "sms_marketing_consent";
        var consent = Consent(sms ?? root.Child(field), reader, field);
        if (consent is null && !reader.HasErrors)
        {
            reader.Fail(field, "must carry a state of subscribed or unsubscribed");
        }

        var properties = (consent ?? new PropertyBag()).Put(EventProperties.Channel, channel);
        var contact = EventFactory.Contact(customerId, root.RawString("email_address") ?? root.RawString("email"), root.RawString("phone"));
        var at = (sms ?? root.Child(field)) is { } c ? reader.Time(c, "consent_updated_at", field + ".consent_updated_at") : null;
        return Finish(context, EventTypes.ConsentChanged, customerId is null ? null : customerId + ":" + channel + ":" + at?.ToUnixTimeMilliseconds(), at, contact, properties);
    }

    /// <summary>
    /// Shopify's consent object as <c>{status, source, consentAt, proof}</c>; null for states that say nothing
    /// (pending confirmation, redacted, invalid, or never subscribed without a time).
    /// </summary>
    private static PropertyBag? Consent(JsonElement? consent, FieldReader reader, string path)
    {
        if (consent is not { ValueKind: JsonValueKind.Object } c)
        {
            return null;
        }

        var at = reader.Time(c, "consent_updated_at", path + ".consent_updated_at");
        var status = c.RawString("state") switch
        {
            "subscribed" => "subscribed",
            "unsubscribed" => "unsubscribed",
            "not_subscribed" when at is not null => "unsubscribed",
            _ => null,
        };
        if (status is null)
        {
            return null;
        }

        var proof = string.Join(
            ';',
            new[] { FieldReader.Text(c, "opt_in_level", 64), FieldReader.Text(c, "consent_collected_from", 64) }.OfType<string>());
        return new PropertyBag()
            .Put(EventProperties.ConsentStatus, status)
            .Put(EventProperties.ConsentSource, "shopify")
            .Put(EventProperties.ConsentAt, at)
            .Put(EventProperties.Proof, proof.Length == 0 ? null : proof);
    }

    /// <summary>The mandatory privacy topics; the processor exports or erases (the mapper only records the request).</summary>
    private static MappingOutcome MapPrivacy(Context context, string type)
    {
        var (root, reader) = (context.Root, context.Reader);
        var shopId = reader.Id(root, "shop_id", "shop_id");
        var customer = root.Child("customer");
        var customerId = customer is { } c ? reader.Id(c, "id", "customer.id") : null;
        var requestId = root.Child("data_request") is { } r ? reader.Id(r, "id", "data_request.id") : null;
        var orderField = type == EventTypes.PrivacyDataRequested ? "orders_requested" : "orders_to_redact";
        var orders = new List<string>();
        var index = 0;
        foreach (var order in root.Items(orderField))
        {
            var path = orderField + "[" + index++ + "]";
            if ((order.ValueKind == JsonValueKind.Number ? order.GetRawText() : order.ValueKind == JsonValueKind.String ? order.GetString() : null) is { } id
                && reader.CheckId(id, path) is { } checkedId)
            {
                orders.Add(checkedId);
            }
        }

        if (type != EventTypes.PrivacyShopRedactRequested && customer is null)
        {
            reader.Fail("customer", "is required");
        }

        var properties = new PropertyBag()
            .Put(EventProperties.StoreId, shopId)
            .Put(EventProperties.RequestId, requestId)
            .Put(EventProperties.OrdersRequested, (IReadOnlyCollection<string>)orders);
        var contact = customer is { } who ? EventFactory.Contact(customerId, who.RawString("email"), who.RawString("phone")) : ContactIdentity.Unknown;
        return Finish(context, type, requestId ?? customerId ?? shopId, null, contact, properties);
    }
}
