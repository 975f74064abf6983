using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Channels.Ingestion;
using Nurture.Channels.Ingestion.BigCommerce;
using Nurture.Channels.Ingestion.SendGrid;
using Nurture.Channels.Ingestion.Shopify;
using Nurture.Channels.Ingestion.Track;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Channels.Ingestion.WooCommerce;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Core.Events;

namespace Nurture.Channels.Tests.Ingestion;

/// <summary>
/// Hostile strings in ids, headers and properties: every mapper must answer with an invalid outcome or safe
/// values (no control characters, bounded lengths, a hex event id), and never throw.
/// </summary>
public sealed class HostileInputTests
{
    public static readonly string[] HostileStrings =
    [
        "\"quoted\" \\ back",
        "' or true or '",
        "Robert'); DROP TABLE Students;--",
        "PartitionKey eq '' or RowKey ne ''",
        "ü漢字😊\u200F\uFEFF",
        "\u0000\u0001\u001b[31mred",
        "\r\nX-Injected: 1",
        "\ud800 lone surrogate",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        new string('a', 2048),
    ];

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < HostileStrings.Length; i++)
        {
            foreach (var target in new[] { "shopify-order", "shopify-customer", "shopify-header", "woo-order", "bigcommerce", "sendgrid", "twilio-inbound", "twilio-status", "track" })
            {
                data.Add(i, target);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_HostileValue_GivesAnInvalidOutcomeOrSafeValues(int index, string target)
    {
        var hostile = HostileStrings[index];

        var outcome = Map(target, hostile);

        switch (outcome)
        {
            case InvalidDelivery invalid:
                Assert.NotEmpty(invalid.Errors);
                Assert.All(invalid.Errors, e => Assert.False(string.IsNullOrEmpty(e.Field)));
                break;
            case MappedEvents mapped:
                Assert.All(mapped.Events, AssertSafe);
                break;
            case IgnoredDelivery ignored:
                Assert.DoesNotContain(ignored.Reason, char.IsControl);
                break;
            default:
                Assert.Fail("unexpected outcome " + outcome);
                break;
        }
    }

    [Fact]
    public void Map_TwoKibibyteId_IsInvalidNamingTheField()
    {
        var outcome = Map("shopify-order", new string('9', 2048));

        Assert.Contains(Outcomes.Invalid(outcome).Errors, e => e.Field == "id" && e.Message.Contains("longer than 256", StringComparison.Ordinal));
    }

    [Fact]
    public void Map_ControlCharactersInAName_AreDroppedNotRejected()
    {
        var evt = Outcomes.Single(Map("shopify-customer", "Bob\u0000\u001b[31m"));

        Assert.Equal("Bob[31m", Outcomes.Text(evt, EventProperties.FirstName));
    }

    [Theory]
    [InlineData("{\"id\":\"\\ud800\",\"updated_at\":\"2025-03-02T10:00:00Z\"}")]
    [InlineData("{\"id\":1,\"first_name\":\"\\udc00x\",\"email\":\"\\ud800@example.com\",\"updated_at\":\"2025-03-02T10:00:00Z\"}")]
    public void Map_EscapedLoneSurrogates_DoNotThrow(string body)
    {
        var outcome = new ShopifyMapper().Map(Fixture.Delivery(ShopifyTopics.CustomersUpdate, body, (ShopifyHeaders.EventId, "e")));

        Assert.True(outcome is InvalidDelivery or MappedEvents, "got " + outcome);
    }

    private static MappingOutcome Map(string target, string hostile)
    {
        switch (target)
        {
            case "shopify-order":
                {
                    var order = Load("Shopify/orders-create.json");
                    order["id"] = hostile;
                    order["line_items"]![0]!["sku"] = hostile;
                    order["email"] = hostile;
                    return new ShopifyMapper().Map(Fixture.Delivery(ShopifyTopics.OrdersCreate, Bytes(order), (ShopifyHeaders.EventId, "e")));
                }

            case "shopify-customer":
                {
                    var customer = Load("Shopify/customers-update.json");
                    customer["first_name"] = hostile;
                    customer["tags"] = hostile + "," + hostile;
                    customer["phone"] = hostile;
                    return new ShopifyMapper().Map(Fixture.Delivery(ShopifyTopics.CustomersUpdate, Bytes(customer), (ShopifyHeaders.EventId, "e")));
                }

            case "shopify-header":
                return new ShopifyMapper().Map(Fixture.FromFile(ShopifyTopics.OrdersCreate, "Shopify/orders-create.json", (ShopifyHeaders.EventId, hostile), (ShopifyHeaders.ShopDomain, hostile)));

            case "woo-order":
                {
                    var order = Load("WooCommerce/order-created.json");
                    order["customer_id"] = hostile;
                    order["billing"]!["city"] = hostile;
                    return new WooCommerceMapper().Map(Fixture.Delivery("order.created", Bytes(order), (WooCommerceHeaders.Source, hostile)));
                }

            case "bigcommerce":
                {
                    var hook = Load("BigCommerce/customer-updated.json");
                    hook["hash"] = hostile;
                    hook["data"]!["id"] = hostile;
                    return new BigCommerceMapper().Map(Fixture.Delivery(string.Empty, Bytes(hook)));
                }

            case "sendgrid":
                {
                    var events = JsonNode.Parse(Fixture.Bytes("SendGrid/events.json"))!.AsArray();
                    events[0]!["sg_event_id"] = hostile;
                    events[1]!["journey"] = hostile;
                    events[1]![hostile] = "x";
                    events[4]!["url"] = hostile;
                    return new SendGridMapper().Map(Fixture.Delivery("events", Bytes(events)));
                }

            case "twilio-inbound":
                return new TwilioMapper().Map(Fixture.Delivery(TwilioMapper.InboundTopic, "MessageSid=" + Uri.EscapeDataString(Safe(hostile)) + "&From=" + Uri.EscapeDataString(Safe(hostile)) + "&Body=" + Uri.EscapeDataString(Safe(hostile))));

            case "twilio-status":
                return new TwilioMapper().Map(Fixture.Delivery(TwilioMapper.StatusTopic, "MessageSid=SM1&MessageStatus=" + Uri.EscapeDataString(Safe(hostile)) + "&To=%2B16135550135"));

            default:
                {
                    var one = new JsonObject
                    {
                        ["type"] = "search",
                        ["contact"] = new JsonObject { ["customerId"] = hostile },
                        ["idempotencyKey"] = hostile,
                        ["properties"] = new JsonObject { ["query"] = hostile, [hostile] = hostile },
                    };
                    return new TrackMapper().Map(Fixture.Delivery("events", Bytes(one)));
                }
        }
    }

    // A lone surrogate cannot be percent-encoded as UTF-8; in a form body it arrives as U+FFFD.
    private static string Safe(string value) => value.Replace("\ud800", "\ufffd", StringComparison.Ordinal);

    private static JsonObject Load(string fixture) => JsonNode.Parse(Fixture.Bytes(fixture))!.AsObject();

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    private static void AssertSafe(CanonicalEvent evt)
    {
        Assert.Matches("^[0-9a-f]{32}$", evt.EventId);
        foreach (var id in new[] { evt.Contact.CustomerId, evt.Contact.ContactId })
        {
            Assert.True(id is null || (id.Length <= 256 && !id.Any(char.IsControl)), "unsafe id in " + evt.Type);
        }

        Assert.True(evt.IdempotencyKey.Length <= 1024 && !evt.IdempotencyKey.Any(char.IsControl), "unsafe idempotency key");
        if (evt.Source != EventSource.Track)
        {
            // Track properties are the caller's own, kept verbatim inside JSON; platform properties are cleaned.
            AssertCleanStrings(evt.Properties);
        }
    }

    private static void AssertCleanStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                Assert.True(text.Length <= 2048 && !text.Any(char.IsControl), "unsafe property value");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.DoesNotContain(property.Name, char.IsControl);
                    AssertCleanStrings(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertCleanStrings(item);
                }

                break;
        }
    }
}
