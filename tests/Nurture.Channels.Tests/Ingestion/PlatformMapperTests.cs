using Nurture.Channels.Ingestion;
using Nurture.Channels.Ingestion.BigCommerce;
using Nurture.Channels.Ingestion.WooCommerce;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Core.Events;

namespace Nurture.Channels.Tests.Ingestion;

public sealed class PlatformMapperTests
{
    [Theory]
    [InlineData("order.created", "WooCommerce/order-created.json", EventTypes.OrderPlaced, "order:727:1741608000")]
    [InlineData("order.updated", "WooCommerce/order-updated-completed.json", EventTypes.OrderFulfilled, "order:727:1741771800")]
    [InlineData("order.updated", "WooCommerce/order-updated-refunded.json", EventTypes.RefundCreated, "order:727:1741939200")]
    [InlineData("customer.created", "WooCommerce/customer-created.json", EventTypes.CustomerCreated, "customer:26:1740819600")]
    public void WooCommerce_MapsByTopicAndStatus_KeyedByResourceIdAndModificationTime(string topic, string fixture, string type, string key)
    {
        var evt = Outcomes.Single(new WooCommerceMapper().Map(Fixture.FromFile(topic, fixture, (WooCommerceHeaders.Source, "https://shop.example.es"))));

        Assert.Equal(type, evt.Type);
        Assert.Equal(key, evt.IdempotencyKey);
        Assert.Equal("ana.garcia@example.es", evt.Contact.Email);
        Assert.Equal("26", evt.Contact.CustomerId);
        Assert.Equal("https://shop.example.es", Outcomes.Text(evt, EventProperties.ShopDomain));
    }

    [Fact]
    public void WooCommerce_Order_NormalisesAmountsLinesAndPlace()
    {
        var evt = Outcomes.Single(new WooCommerceMapper().Map(Fixture.FromFile("order.created", "WooCommerce/order-created.json")));

        Assert.Equal(54.95m, Outcomes.Number(evt, EventProperties.Total));
        Assert.Equal("EUR", Outcomes.Text(evt, EventProperties.Currency));
        Assert.Equal("welcome5", evt.Properties.GetProperty(EventProperties.DiscountCodes)[0].GetString());
        Assert.Equal("ES", Outcomes.Text(evt, EventProperties.Country));
        Assert.Equal("García", Outcomes.Text(evt, EventProperties.LastName));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero), evt.OccurredAt);
        var lines = evt.Properties.GetProperty(EventProperties.LineItems);
        Assert.False(lines[0].TryGetProperty(EventProperties.VariantId, out _), "variation 0 means none");
        Assert.Equal("23", lines[1].GetProperty(EventProperties.VariantId).GetString());
    }

    [Fact]
    public void WooCommerce_Refund_CarriesThePositiveRefundedAmount()
    {
        var evt = Outcomes.Single(new WooCommerceMapper().Map(Fixture.FromFile("order.updated", "WooCommerce/order-updated-refunded.json")));

        Assert.Equal(54.95m, Outcomes.Number(evt, EventProperties.RefundAmount));
    }

    [Theory]
    [InlineData("product.updated")]
    [InlineData("coupon.created")]
    [InlineData("order.deleted")]
    public void WooCommerce_UnusedTopics_AreIgnored(string topic)
    {
        Assert.IsType<IgnoredDelivery>(new WooCommerceMapper().Map(Fixture.Delivery(topic, "{}")));
    }

    [Fact]
    public void WooCommerce_WithoutModificationTime_IsInvalid()
    {
        var outcome = new WooCommerceMapper().Map(Fixture.Delivery("order.created", "{\"id\":1}"));

        Assert.Contains(Outcomes.Invalid(outcome).Errors, e => e.Field == "date_modified_gmt");
    }

    [Theory]
    [InlineData("BigCommerce/order-created.json", EventTypes.OrderPlaced, "dd70c0976e06b67aaf671e73f49dcb79230ebf9d")]
    [InlineData("BigCommerce/order-statusUpdated.json", EventTypes.OrderPaid, "8a1b5c3e7e42bb4f4a6b2f0d8a2c6a9e5b3c1d7f")]
    [InlineData("BigCommerce/customer-updated.json", EventTypes.CustomerUpdated, "3c9b0a1e2f4d6b8a0c2e4f6a8b0d2f4e6a8c0e2f")]
    [InlineData("BigCommerce/cart-created.json", EventTypes.CartUpdated, "0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c")]
    public void BigCommerce_MapsThinPayloads_DedupedOnHash(string fixture, string type, string hash)
    {
        var evt = Outcomes.Single(new BigCommerceMapper().Map(Fixture.FromFile(string.Empty, fixture)));

        Assert.Equal(type, evt.Type);
        Assert.Equal(hash, evt.IdempotencyKey);
        Assert.True(evt.Properties.GetProperty("thin").GetBoolean());
        Assert.Equal("1025646", Outcomes.Text(evt, EventProperties.StoreId));
    }

    [Fact]
    public void BigCommerce_Customer_IdentifiesTheContact_AndOrdersNameTheOrder()
    {
        var customer = Outcomes.Single(new BigCommerceMapper().Map(Fixture.FromFile(string.Empty, "BigCommerce/customer-updated.json")));
        var order = Outcomes.Single(new BigCommerceMapper().Map(Fixture.FromFile(string.Empty, "BigCommerce/order-created.json")));

        Assert.Equal("32", customer.Contact.CustomerId);
        Assert.Equal("250", Outcomes.Text(order, EventProperties.OrderId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1741608000), order.OccurredAt);
    }

    [Fact]
    public void BigCommerce_UnusedScope_IsIgnored_AndMissingHashIsInvalid()
    {
        Assert.IsType<IgnoredDelivery>(new BigCommerceMapper().Map(Fixture.FromFile(string.Empty, "BigCommerce/product-updated.json")));
        var invalid = new BigCommerceMapper().Map(Fixture.Delivery(string.Empty, "{\"scope\":\"store/order/created\",\"data\":{\"type\":\"order\",\"id\":1}}"));
        Assert.Contains(Outcomes.Invalid(invalid).Errors, e => e.Field == "hash");
    }
}
