using System.Text.Json;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Deliveries that name only an order or a cart reach the contact who placed the order or owns the cart.</summary>
[Collection(IngestionCollection.Name)]
public sealed class ReferenceAttributionTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task ARefund_NamingOnlyItsOrder_LandsOnTheShoppersProfileAndTimeline()
    {
        var shopper = Shopper.Unique();
        var orderId = shopper.CustomerId + 1;
        using (await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, orderId, 120m)))
        {
        }

        await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");

        using var refund = await fixture.PostShopifyAsync("refunds/create", ShopifyPayloads.Refund(orderId, shopper.CustomerId + 2));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, refund.StatusCode);

        var contact = await ContactsApi.WaitForAsync(
            fixture,
            shopper.Email,
            c => Types(c).Contains("refund.created") && c.GetProperty("profile").GetProperty("orders").GetProperty("refunded_total").GetDecimal() > 0m,
            "the refund on the shopper's timeline and in the order totals (written side by side)");
        Assert.Equal(orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), Timeline(contact).First(e => e.GetProperty("type").GetString() == "refund.created").GetProperty("properties").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task ACartUpdate_NamingOnlyItsCart_FindsTheShopperWhoStartedTheCheckout()
    {
        var shopper = Shopper.Unique();
        var cart = "cart-" + Guid.NewGuid().ToString("N")[..12];
        using (await fixture.PostShopifyAsync("checkouts/create", ShopifyPayloads.Checkout(shopper, cart)))
        {
        }

        await ContactsApi.WaitForAsync(fixture, shopper.Email, c => Types(c).Contains("checkout.started"), "the checkout");

        using (await fixture.PostShopifyAsync("carts/update", ShopifyPayloads.CartUpdate(cart)))
        {
        }

        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => Types(c).Contains("cart.updated"), "the cart update on the shopper's timeline");
        Assert.Equal(cart, Timeline(contact).First(e => e.GetProperty("type").GetString() == "cart.updated").GetProperty("properties").GetProperty("cartToken").GetString());
    }

    private static IEnumerable<JsonElement> Timeline(JsonElement contact) => contact.GetProperty("timeline").EnumerateArray();

    private static List<string?> Types(JsonElement contact) => Timeline(contact).Select(e => e.GetProperty("type").GetString()).ToList();
}
