using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Functions.Tests.Ingestion;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>
/// Senders per shop on the wire: the shop's from-address, name and reply-to when the send node names no sender, the
/// node's sender when it does, SendGrid dynamic templates with data from the contact, and the SMS opt-out line.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class ShopSenderTests(DeliveryHostFixture app)
{
    [Fact]
    public async Task EmailWithoutNodeSender_GoesOutFromTheDefaultShop_AsExactlyThisSendGridJson()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        app.SendGrid.Answer = _ => new ProviderAnswer(200);

        var view = await app.RunAsync("shop-email-journey", contactId);

        var messageId = SentMessageId(view);
        var sent = JsonNode.Parse(Assert.Single(app.SendGrid.Received, r => r.Body.Contains(email, StringComparison.Ordinal)).Body)!;
        var link = UnsubscribeLink(sent);
        var expected = JsonNode.Parse($$"""
            {
              "from": { "name": "Example Shop", "email": "{{DeliveryHostFixture.DefaultFrom}}" },
              "reply_to": { "email": "{{DeliveryHostFixture.DefaultReplyTo}}" },
              "personalizations": [{ "to": [{ "email": "{{email}}" }], "subject": "Ana, you left something" }],
              "content": [{ "type": "text/plain", "value": "Hi Ana, your cart is waiting." }],
              "headers": { "List-Unsubscribe": "<{{link}}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
              "categories": ["cart", "journey:shop-email-journey", "step:send"],
              "custom_args": { "nurture_message_id": "{{messageId}}", "journey": "shop-email-journey", "step": "send" },
              "mail_settings": { "sandbox_mode": { "enable": true } },
              "tracking_settings": {
                "click_tracking": { "enable": true, "enable_text": true },
                "open_tracking": { "enable": true },
                "subscription_tracking": { "enable": false }
              }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, sent), "sent: " + sent.ToJsonString());
    }

    [Fact]
    public async Task DynamicTemplateWithNodeSender_SendsTheTemplateIdAndTheContactsData_AsExactlyThisSendGridJson()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        app.SendGrid.Answer = _ => new ProviderAnswer(200);

        var view = await app.RunAsync("dynamic-email-journey", contactId);

        var messageId = SentMessageId(view);
        var sent = JsonNode.Parse(Assert.Single(app.SendGrid.Received, r => r.Body.Contains(email, StringComparison.Ordinal)).Body)!;
        var link = UnsubscribeLink(sent);
        var expected = JsonNode.Parse($$"""
            {
              "from": { "name": "Example Shop", "email": "promo@example.com" },
              "reply_to": { "email": "{{DeliveryHostFixture.DefaultReplyTo}}" },
              "personalizations": [{
                "to": [{ "email": "{{email}}" }],
                "subject": "Ana, a gift",
                "dynamic_template_data": {
                  "first_name": "Ana", "contact_id": "{{contactId}}", "journey_id": "dynamic-email-journey",
                  "message_id": "{{messageId}}", "order_count": 0, "subject": "Ana, a gift", "firstName": "Ana",
                  "unsubscribe_url": "{{link}}"
                }
              }],
              "template_id": "{{DeliveryHostFixture.DynamicTemplateId}}",
              "headers": { "List-Unsubscribe": "<{{link}}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
              "categories": ["journey:dynamic-email-journey", "step:send"],
              "custom_args": { "nurture_message_id": "{{messageId}}", "journey": "dynamic-email-journey", "step": "send" },
              "mail_settings": { "sandbox_mode": { "enable": true } },
              "tracking_settings": {
                "click_tracking": { "enable": true, "enable_text": true },
                "open_tracking": { "enable": true },
                "subscription_tracking": { "enable": false }
              }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, sent), "sent: " + sent.ToJsonString());
    }

    [Fact]
    public async Task EmailOfAShopWithItsOwnEntry_GoesOutFromThatShop_AndKeepsTheDefaultReplyTo()
    {
        var journeyId = "shop-order-" + Guid.NewGuid().ToString("N")[..8];
        await app.Journeys.Definitions.PublishAsync(JourneyJson.Parse($$"""
            {
              "id": "{{journeyId}}", "name": "Order thanks", "version": 1,
              "entry": { "kind": "event", "event_type": "order.placed", "filter": { "path": "event.total", "op": "eq", "value": 271.83 } },
              "re_entry": { "mode": "always" }, "start": "thanks",
              "nodes": [
                { "type": "send_email", "id": "thanks", "template": "delivery-email", "marketing": false, "next": "done" },
                { "type": "exit", "id": "done", "reason": "thanked" }
              ]
            }
            """));
        var shopper = Shopper.Unique();
        app.SendGrid.Answer = _ => new ProviderAnswer(200);

        using var response = await app.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, Random.Shared.NextInt64(1, long.MaxValue), 271.83m), "Other-Shop.myshopify.com");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        ReceivedRequest? request = null;
        await Eventually.HoldsAsync(
            () => Task.FromResult((request = app.SendGrid.Received.FirstOrDefault(r => r.Body.Contains(shopper.NormalizedEmail, StringComparison.Ordinal))) is not null),
            TimeSpan.FromSeconds(45),
            "the order's email reached SendGrid");
        var sent = JsonNode.Parse(request!.Body)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{ "name": "Other Shop", "email": "{{DeliveryHostFixture.OtherShopFrom}}" }"""), sent["from"]), sent.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{ "email": "{{DeliveryHostFixture.DefaultReplyTo}}" }"""), sent["reply_to"]), sent.ToJsonString());
        Assert.Equal(journeyId, sent["custom_args"]!["journey"]!.GetValue<string>());
    }

    /// <summary>The one-click link of the sent mail (its token is signed per send), after checking its shape.</summary>
    private static string UnsubscribeLink(JsonNode sent)
    {
        var header = sent["headers"]!["List-Unsubscribe"]!.GetValue<string>();
        Assert.StartsWith("<" + DeliveryHostFixture.PublicBase + "/api/unsubscribe?token=", header, StringComparison.Ordinal);
        return header[1..^1];
    }

    private static string SentMessageId(JsonElement view)
    {
        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        Assert.Equal("sent", send.GetProperty("status").GetString());
        return send.GetProperty("message_id").GetString()!;
    }
}
