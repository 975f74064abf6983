using System.Text.Json;
using Nurture.Channels.Ingestion;
using Nurture.Channels.Ingestion.Shopify;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Core.Events;

namespace Nurture.Channels.Tests.Ingestion;

public sealed class ShopifyMapperTests
{
    private readonly ShopifyMapper _mapper = new();

    public static TheoryData<string, string, string> Topics => new()
    {
        { ShopifyTopics.OrdersCreate, "Shopify/orders-create.json", EventTypes.OrderPlaced },
        { ShopifyTopics.OrdersPaid, "Shopify/orders-paid.json", EventTypes.OrderPaid },
        { ShopifyTopics.OrdersCancelled, "Shopify/orders-cancelled.json", EventTypes.OrderCancelled },
        { ShopifyTopics.OrdersFulfilled, "Shopify/orders-fulfilled.json", EventTypes.OrderFulfilled },
        { ShopifyTopics.RefundsCreate, "Shopify/refunds-create.json", EventTypes.RefundCreated },
        { ShopifyTopics.CheckoutsCreate, "Shopify/checkouts-create.json", EventTypes.CheckoutStarted },
        { ShopifyTopics.CheckoutsUpdate, "Shopify/checkouts-update.json", EventTypes.CheckoutUpdated },
        { ShopifyTopics.CartsCreate, "Shopify/carts-create.json", EventTypes.CartUpdated },
        { ShopifyTopics.CartsUpdate, "Shopify/carts-update.json", EventTypes.CartUpdated },
        { ShopifyTopics.CustomersCreate, "Shopify/customers-create.json", EventTypes.CustomerCreated },
        { ShopifyTopics.CustomersUpdate, "Shopify/customers-update.json", EventTypes.CustomerUpdated },
        { ShopifyTopics.CustomersMarketingConsentUpdate, "Shopify/customers-marketing_consent-update.json", EventTypes.ConsentChanged },
        { ShopifyTopics.CustomersDataRequest, "Shopify/customers-data_request.json", EventTypes.PrivacyDataRequested },
        { ShopifyTopics.CustomersRedact, "Shopify/customers-redact.json", EventTypes.PrivacyContactRedactRequested },
        { ShopifyTopics.ShopRedact, "Shopify/shop-redact.json", EventTypes.PrivacyShopRedactRequested },
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public void Map_EachTopicFixture_GivesOneEventOfTheExpectedTypeKeyedByTheEventIdHeader(string topic, string fixture, string expectedType)
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(topic, fixture, "evt-1")));

        Assert.Equal(expectedType, evt.Type);
        Assert.Equal(EventSource.Shopify, evt.Source);
        Assert.Equal(topic + ":event:evt-1", evt.IdempotencyKey);
        Assert.Equal(EventIds.Compute(EventSource.Shopify, evt.IdempotencyKey), evt.EventId);
        Assert.Equal("example-shop.myshopify.com", Outcomes.Text(evt, EventProperties.ShopDomain));
    }

    [Fact]
    public void Map_OrdersCreate_NormalisesTheOrder()
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.OrdersCreate, "Shopify/orders-create.json", "e1")));

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 16, 34, 56, TimeSpan.Zero), evt.OccurredAt);
        Assert.Equal("706405506930370084", evt.Contact.CustomerId);
        Assert.Equal("bob.norman@example.com", evt.Contact.Email);
        Assert.Equal("820982911946154508", Outcomes.Text(evt, EventProperties.OrderId));
        Assert.Equal("#1001", Outcomes.Text(evt, EventProperties.OrderNumber));
        Assert.Equal(398.00m, Outcomes.Number(evt, EventProperties.Total));
        Assert.Equal("USD", Outcomes.Text(evt, EventProperties.Currency));
        Assert.Equal("bd5a8aa1ecd019dd3520ff791ee3a24c", Outcomes.Text(evt, EventProperties.CheckoutToken));
        Assert.Equal("en-CA", Outcomes.Text(evt, EventProperties.Locale));
        Assert.Equal("US", Outcomes.Text(evt, EventProperties.Country));
        Assert.Equal("Louisville", Outcomes.Text(evt, EventProperties.City));
        Assert.Equal("SPRING10", evt.Properties.GetProperty(EventProperties.DiscountCodes)[0].GetString());
        var line = evt.Properties.GetProperty(EventProperties.LineItems)[0];
        Assert.Equal("632910392", line.GetProperty(EventProperties.ProductId).GetString());
        Assert.Equal("IPOD2008GREEN", line.GetProperty(EventProperties.Sku).GetString());
        Assert.Equal("Music players", line.GetProperty(EventProperties.Category).GetString());
        Assert.Equal(1, line.GetProperty(EventProperties.Quantity).GetInt32());
        Assert.Equal(199.00m, line.GetProperty(EventProperties.Price).GetDecimal());
    }

    [Fact]
    public void Map_OrdersCreate_CarriesTheCustomersConsent_WithItsOwnTimes()
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.OrdersCreate, "Shopify/orders-create.json", "e11")));

        var email = evt.Properties.GetProperty(EventProperties.EmailConsent);
        Assert.Equal("subscribed", email.GetProperty(EventProperties.ConsentStatus).GetString());
        Assert.Equal("shopify", email.GetProperty(EventProperties.ConsentSource).GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 15, 5, 0, TimeSpan.Zero), email.GetProperty(EventProperties.ConsentAt).GetDateTimeOffset());

        // not_subscribed without a time says nothing.
        Assert.False(evt.Properties.TryGetProperty(EventProperties.SmsConsent, out _));
    }

    [Fact]
    public void Map_OrderWithOnlyBuyerAcceptsMarketing_IsAGrantWithoutATimeOfItsOwn_AndAnUntickedBoxIsNothing()
    {
        var order = System.Text.Json.Nodes.JsonNode.Parse(Fixture.Bytes("Shopify/orders-create.json"))!.AsObject();
        order["customer"]!.AsObject().Remove("email_marketing_consent");

        var ticked = Outcomes.Single(_mapper.Map(Fixture.Delivery(ShopifyTopics.OrdersCreate, order.ToJsonString(), (ShopifyHeaders.EventId, "e12"))));
        order["buyer_accepts_marketing"] = false;
        var unticked = Outcomes.Single(_mapper.Map(Fixture.Delivery(ShopifyTopics.OrdersCreate, order.ToJsonString(), (ShopifyHeaders.EventId, "e13"))));

        var email = ticked.Properties.GetProperty(EventProperties.EmailConsent);
        Assert.Equal("subscribed", email.GetProperty(EventProperties.ConsentStatus).GetString());
        Assert.Equal("shopify:buyer_accepts_marketing", email.GetProperty(EventProperties.ConsentSource).GetString());
        Assert.False(email.TryGetProperty(EventProperties.ConsentAt, out _));
        Assert.False(unticked.Properties.TryGetProperty(EventProperties.EmailConsent, out _));
    }

    [Fact]
    public void Map_Refund_SumsOnlySuccessfulRefundTransactions()
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.RefundsCreate, "Shopify/refunds-create.json", "e2")));

        Assert.Equal(189.00m, Outcomes.Number(evt, EventProperties.RefundAmount));
        Assert.Equal("820982911946154508", Outcomes.Text(evt, EventProperties.OrderId));
        Assert.True(evt.Contact.IsEmpty);
    }

    [Fact]
    public void Map_CustomerUpdate_CarriesConsentAndShopTags()
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.CustomersUpdate, "Shopify/customers-update.json", "e3")));

        var email = evt.Properties.GetProperty(EventProperties.EmailConsent);
        Assert.Equal("unsubscribed", email.GetProperty(EventProperties.ConsentStatus).GetString());
        Assert.False(evt.Properties.TryGetProperty(EventProperties.SmsConsent, out _), "never-subscribed without a time says nothing");
        Assert.Equal(["VIP"], evt.Properties.GetProperty(EventProperties.Tags).EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("+16135550135", evt.Contact.Phone);
    }

    [Fact]
    public void Map_SmsConsentTopic_GivesAnSmsConsentChangeAtTheConsentTime()
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.CustomersMarketingConsentUpdate, "Shopify/customers-marketing_consent-update.json", "e4")));

        Assert.Equal("sms", Outcomes.Text(evt, EventProperties.Channel));
        Assert.Equal("subscribed", Outcomes.Text(evt, EventProperties.ConsentStatus));
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 14, 0, 0, TimeSpan.Zero), evt.OccurredAt);
    }

    [Fact]
    public void Map_Checkout_KeepsTheTokenJourneysWaitOn()
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.CheckoutsUpdate, "Shopify/checkouts-update.json", "e5")));

        Assert.Equal("bd5a8aa1ecd019dd3520ff791ee3a24c", Outcomes.Text(evt, EventProperties.CheckoutToken));
        Assert.Equal("c1-7a3f2b19a4e1", Outcomes.Text(evt, EventProperties.CartToken));
        Assert.StartsWith("https://example-shop.myshopify.com/", Outcomes.Text(evt, EventProperties.Url), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_DataRequest_ListsTheRequestedOrders()
    {
        var evt = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.CustomersDataRequest, "Shopify/customers-data_request.json", "e6")));

        Assert.Equal(["299938", "280263", "220458"], evt.Properties.GetProperty(EventProperties.OrdersRequested).EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("9999", Outcomes.Text(evt, EventProperties.RequestId));
    }

    [Fact]
    public void Map_Redelivery_GivesTheSameEventId_AndADifferentEventADifferentId()
    {
        var first = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.OrdersCreate, "Shopify/orders-create.json", "e7")));
        var again = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.OrdersCreate, "Shopify/orders-create.json", "e7") with { ReceivedAt = Fixture.ReceivedAt.AddHours(3) }));
        var other = Outcomes.Single(_mapper.Map(Delivery(ShopifyTopics.OrdersCreate, "Shopify/orders-create.json", "e8")));

        Assert.Equal(first.EventId, again.EventId);
        Assert.Equal(first.OccurredAt, again.OccurredAt);
        Assert.NotEqual(first.EventId, other.EventId);
    }

    [Fact]
    public void Map_WithoutEventIdHeader_FallsBackToTheResourceVersion()
    {
        var delivery = Fixture.FromFile(ShopifyTopics.OrdersPaid, "Shopify/orders-paid.json");

        var evt = Outcomes.Single(_mapper.Map(delivery));

        Assert.StartsWith("orders/paid:resource:820982911946154508:", evt.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnknownTopic_IsIgnoredNotAnError()
    {
        var outcome = _mapper.Map(Delivery("products/update", "Shopify/products-update.json", "e9"));

        Assert.Contains("products/update", Assert.IsType<IgnoredDelivery>(outcome).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": 1,", "body")]
    [InlineData("", "body")]
    [InlineData("[1,2]", "body")]
    [InlineData("{\"total_price\":\"398.00\"}", "id")]
    [InlineData("{\"id\":{\"nested\":1}}", "id")]
    [InlineData("{\"id\":1,\"total_price\":\"lots\"}", "total_price")]
    [InlineData("{\"id\":1,\"created_at\":\"last tuesday\"}", "created_at")]
    [InlineData("{\"id\":1,\"line_items\":[{\"quantity\":\"two\"}]}", "line_items[0].quantity")]
    public void Map_MalformedOrder_IsInvalidNamingTheField(string body, string field)
    {
        var outcome = _mapper.Map(Fixture.Delivery(ShopifyTopics.OrdersCreate, body, (ShopifyHeaders.EventId, "e10")));

        Assert.Contains(Outcomes.Invalid(outcome).Errors, e => e.Field == field);
    }

    private static RawDelivery Delivery(string topic, string fixture, string eventId) =>
        Fixture.FromFile(topic, fixture, (ShopifyHeaders.EventId, eventId), ("x-shopify-shop-domain", "example-shop.myshopify.com"));
}
