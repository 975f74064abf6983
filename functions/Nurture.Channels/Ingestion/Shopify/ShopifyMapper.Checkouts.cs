using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.Shopify;

public sealed partial class ShopifyMapper
{
    /// <summary>A checkout; its token is what an abandoned-checkout journey waits on.</summary>
    private static MappingOutcome MapCheckout(Context context, string type)
    {
        var (root, reader) = (context.Root, context.Reader);
        var token = reader.Id(root, "token", "token", required: true);
        var occurredAt = reader.Time(root, "updated_at", "updated_at") ?? reader.Time(root, "created_at", "created_at");
        var properties = new PropertyBag()
            .Put(EventProperties.CheckoutToken, token)
            .Put(EventProperties.CartToken, reader.Id(root, "cart_token", "cart_token"))
            .Put(EventProperties.Total, reader.Amount(root, "total_price", "total_price"))
            .Put(EventProperties.Subtotal, reader.Amount(root, "subtotal_price", "subtotal_price"))
            .Put(EventProperties.Currency, FieldReader.Text(root, "presentment_currency", 8) ?? FieldReader.Text(root, "currency", 8))
            .Put(EventProperties.LineItems, LineItems(root, reader))
            .Put(EventProperties.DiscountCodes, DiscountCodes(root))
            .Put(EventProperties.Url, FieldReader.Text(root, "abandoned_checkout_url", 2048))
            .Put(EventProperties.Locale, FieldReader.Text(root, "customer_locale", 35));
        var contact = ContactOf(root, reader, properties);
        return Finish(context, type, token is null ? null : token + ":" + occurredAt?.ToUnixTimeMilliseconds(), occurredAt, contact, properties);
    }

    /// <summary>A cart; carts carry no customer, so the contact is found later through the cart token.</summary>
    private static MappingOutcome MapCart(Context context)
    {
        var (root, reader) = (context.Root, context.Reader);
        var token = reader.Id(root, "token", "token") ?? reader.Id(root, "id", "id", required: true);
        var occurredAt = reader.Time(root, "updated_at", "updated_at") ?? reader.Time(root, "created_at", "created_at");
        var properties = new PropertyBag()
            .Put(EventProperties.CartToken, token)
            .Put(EventProperties.LineItems, LineItems(root, reader));
        return Finish(context, EventTypes.CartUpdated, token is null ? null : token + ":" + occurredAt?.ToUnixTimeMilliseconds(), occurredAt, ContactIdentity.Unknown, properties);
    }
}
