using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.Shopify;

public sealed partial class ShopifyMapper
{
    private static MappingOutcome MapOrder(Context context, string type, string timeField)
    {
        var (root, reader) = (context.Root, context.Reader);
        var orderId = reader.Id(root, "id", "id", required: true);
        var occurredAt = reader.Time(root, timeField, timeField) ?? reader.Time(root, "updated_at", "updated_at");
        var properties = new PropertyBag()
            .Put(EventProperties.OrderId, orderId)
            .Put(EventProperties.OrderNumber, FieldReader.Text(root, "name", 64))
            .Put(EventProperties.OrderStatus, FieldReader.Text(root, "financial_status", 64))
            .Put(EventProperties.Total, reader.Amount(root, "total_price", "total_price"))
            .Put(EventProperties.Subtotal, reader.Amount(root, "subtotal_price", "subtotal_price"))
            .Put(EventProperties.Currency, FieldReader.Text(root, "currency", 8))
            .Put(EventProperties.LineItems, LineItems(root, reader))
            .Put(EventProperties.DiscountCodes, DiscountCodes(root))
            .Put(EventProperties.CheckoutToken, reader.Id(root, "checkout_token", "checkout_token"))
            .Put(EventProperties.CartToken, reader.Id(root, "cart_token", "cart_token"))
            .Put(EventProperties.Url, FieldReader.Text(root, "order_status_url", 2048))
            .Put(EventProperties.Locale, FieldReader.Text(root, "customer_locale", 35));
        var contact = ContactOf(root, reader, properties);
        OrderConsent(root, reader, properties);
        return Finish(context, type, orderId is null ? null : orderId + ":" + occurredAt?.ToUnixTimeSeconds(), occurredAt, contact, properties);
    }

    private static MappingOutcome MapRefund(Context context)
    {
        var (root, reader) = (context.Root, context.Reader);
        var refundId = reader.Id(root, "id", "id", required: true);
        var orderId = reader.Id(root, "order_id", "order_id", required: true);
        decimal amount = 0;
        string? currency = null;
        var index = 0;
        foreach (var transaction in root.Items("transactions"))
        {
            var path = "transactions[" + index++ + "]";
            var status = transaction.RawString("status");
            if (transaction.RawString("kind") == "refund" && status is not ("failure" or "error"))
            {
                amount += reader.Amount(transaction, "amount", path + ".amount") ?? 0;
                currency ??= FieldReader.Text(transaction, "currency", 8);
            }
        }

        var properties = new PropertyBag()
            .Put(EventProperties.RefundId, refundId)
            .Put(EventProperties.OrderId, orderId)
            .Put(EventProperties.RefundAmount, amount)
            .Put(EventProperties.Currency, currency)
            .Put(EventProperties.Reason, FieldReader.Text(root, "note", 256));
        var occurredAt = reader.Time(root, "processed_at", "processed_at") ?? reader.Time(root, "created_at", "created_at");

        // Refund payloads do not name the customer: the processor finds the contact by order id.
        return Finish(context, EventTypes.RefundCreated, refundId, occurredAt, ContactIdentity.Unknown, properties);
    }

    /// <summary>The buyer, from the order's own fields and its customer and addresses; adds name and place to the properties.</summary>
    private static ContactIdentity ContactOf(JsonElement root, FieldReader reader, PropertyBag properties)
    {
        var customer = root.Child("customer");
        var address = root.Child("billing_address") ?? root.Child("shipping_address");
        var customerId = customer is { } c ? reader.Id(c, "id", "customer.id") : null;
        var email = root.RawString("email") ?? root.RawString("contact_email") ?? customer?.RawString("email");
        var phone = root.RawString("phone") ?? customer?.RawString("phone") ?? address?.RawString("phone");
        properties
            .Put(EventProperties.FirstName, customer is { } f ? FieldReader.Text(f, "first_name", 128) : null)
            .Put(EventProperties.LastName, customer is { } l ? FieldReader.Text(l, "last_name", 128) : null)
            .Put(EventProperties.Country, address is { } a ? FieldReader.Text(a, "country_code", 8) : null)
            .Put(EventProperties.City, address is { } b ? FieldReader.Text(b, "city", 128) : null);
        return EventFactory.Contact(customerId, email, phone);
    }

    /// <summary>
    /// The buyer's consent as the order states it: the customer's <c>email_marketing_consent</c> and
    /// <c>sms_marketing_consent</c> with their own times, or else <c>buyer_accepts_marketing: true</c> as an email grant
    /// dated by the order (no time of its own, so it is not an explicit opt-in). An unticked box withdraws nothing.
    /// </summary>
    private static void OrderConsent(JsonElement root, FieldReader reader, PropertyBag properties)
    {
        var customer = root.Child("customer");
        var email = customer is { } c ? Consent(c.Child("email_marketing_consent"), reader, "customer.email_marketing_consent") : null;
        if (email is null && root.Child("buyer_accepts_marketing") is { ValueKind: JsonValueKind.True })
        {
            email = new PropertyBag()
                .Put(EventProperties.ConsentStatus, "subscribed")
                .Put(EventProperties.ConsentSource, "shopify:buyer_accepts_marketing")
                .Put(EventProperties.Proof, "buyer_accepts_marketing");
        }

        properties
            .Put(EventProperties.EmailConsent, email)
            .Put(EventProperties.SmsConsent, customer is { } s ? Consent(s.Child("sms_marketing_consent"), reader, "customer.sms_marketing_consent") : null);
    }

    private static List<PropertyBag> LineItems(JsonElement root, FieldReader reader)
    {
        var items = new List<PropertyBag>();
        var index = 0;
        foreach (var line in root.Items("line_items"))
        {
            var path = "line_items[" + index++ + "]";
            items.Add(PropertyBag.LineItem(
                reader.Id(line, "product_id", path + ".product_id"),
                reader.Id(line, "variant_id", path + ".variant_id"),
                FieldReader.Text(line, "sku", 128),
                FieldReader.Text(line, "title", 256),
                FieldReader.Text(line, "product_type", 128),
                reader.Count(line, "quantity", path + ".quantity"),
                reader.Amount(line, "price", path + ".price")));
        }

        return items;
    }

    private static List<string> DiscountCodes(JsonElement root) =>
        root.Items("discount_codes").Select(d => FieldReader.Text(d, "code", 128)).OfType<string>().ToList();
}
