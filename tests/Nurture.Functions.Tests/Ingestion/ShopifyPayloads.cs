using System.Text.Json.Nodes;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Realistic Shopify payloads (the mapper tests' fixtures) made about a given, unique shopper.</summary>
public static class ShopifyPayloads
{
    public static string Order(Shopper shopper, long orderId, decimal total = 398.00m, string? checkoutToken = null)
    {
        var order = Load("orders-create.json");
        order["id"] = orderId;
        order["email"] = shopper.Email;
        order["contact_email"] = shopper.Email;
        order["total_price"] = total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        order["current_total_price"] = order["total_price"]!.DeepClone();
        order["checkout_token"] = checkoutToken ?? "tok-" + orderId;
        order["name"] = "#" + orderId;
        order["cart_token"] = "cart-" + orderId;
        var customer = order["customer"]!.AsObject();
        customer["id"] = shopper.CustomerId;
        customer["email"] = shopper.Email;
        customer["phone"] = shopper.Phone;
        return order.ToJsonString();
    }

    /// <summary>A refund of the order: names the order, not the shopper.</summary>
    public static string Refund(long orderId, long refundId)
    {
        var refund = Load("refunds-create.json");
        refund["id"] = refundId;
        refund["order_id"] = orderId;
        return refund.ToJsonString();
    }

    /// <summary>A checkout by the shopper with the given cart.</summary>
    public static string Checkout(Shopper shopper, string cartToken)
    {
        var checkout = Load("checkouts-create.json");
        checkout["token"] = "chk-" + cartToken;
        checkout["cart_token"] = cartToken;
        checkout["email"] = shopper.Email;
        var customer = checkout["customer"]!.AsObject();
        customer["id"] = shopper.CustomerId;
        customer["email"] = shopper.Email;
        customer["phone"] = shopper.Phone;
        return checkout.ToJsonString();
    }

    /// <summary>An update of the cart: names the cart, not the shopper.</summary>
    public static string CartUpdate(string cartToken)
    {
        var cart = Load("carts-update.json");
        cart["id"] = cartToken;
        cart["token"] = cartToken;
        return cart.ToJsonString();
    }

    public static string CustomerRedact(Shopper shopper)
    {
        var request = Load("customers-redact.json");
        var customer = request["customer"]!.AsObject();
        customer["id"] = shopper.CustomerId;
        customer["email"] = shopper.Email;
        customer["phone"] = shopper.Phone;
        return request.ToJsonString();
    }

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot(), "tests", "Nurture.Channels.Tests", "Fixtures", "Shopify", name)))!.AsObject();
}

/// <summary>A shopper no other test uses.</summary>
public sealed record Shopper(long CustomerId, string Email, string Phone)
{
    public static Shopper Unique()
    {
        var n = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        return new Shopper(n, $"Shopper.{n}@Example.com", "+1415" + (n % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
    }

    public string NormalizedEmail => Email.Trim().ToLowerInvariant();
}
