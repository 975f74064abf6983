using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Functions.Tests.Ingestion;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>The whole app: a Shopify webhook, ingestion, the profile, the journey seam, the runner, the outbox.</summary>
[Collection(IngestionCollection.Name)]
public sealed class IngestedOrderJourneyTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task ShopifyOrder_EntersAnOrderJourney_AndItsThankYouReachesTheOutbox()
    {
        var storage = fixture.Host.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync();
        var journeyId = "order-thanks-" + Guid.NewGuid().ToString("N")[..8];
        var template = journeyId + "-email";
        await storage.Templates.SaveAsync(new MessageTemplate(template, "Thanks for order {{order_count}}."));
        await storage.Definitions.PublishAsync(JourneyJson.Parse($$"""
            {
              "id": "{{journeyId}}", "name": "Order thanks", "version": 1,
              "entry": { "kind": "event", "event_type": "order.placed", "filter": { "path": "event.total", "op": "eq", "value": 123.45 } },
              "re_entry": { "mode": "always" },
              "start": "thanks",
              "nodes": [
                { "type": "send_email", "id": "thanks", "template": "{{template}}", "marketing": false,
                  "channel": { "sender": "shop@example.com", "subject": "Thank you" }, "next": "done" },
                { "type": "exit", "id": "done", "reason": "thanked" }
              ]
            }
            """));
        var shopper = Shopper.Unique();

        using var response = await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 7001, 123.45m));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order on the profile");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        IReadOnlyList<Channels.Outbox.OutboxRecord> sent = [];
        await Eventually.HoldsAsync(
            async () => (sent = await storage.Outbox.ListAsync(contactId)).Count > 0,
            TimeSpan.FromSeconds(45),
            "the journey's email is in the outbox");
        var message = Assert.Single(sent).Message;
        Assert.Equal(shopper.NormalizedEmail, message.To);
        Assert.Equal(journeyId, message.JourneyId);
        Assert.Equal("Thanks for order 1.", message.Body);

        // Erasure reaches the journey's data too: instance, ledger, outbox.
        using var erased = await fixture.SendWithKeyAsync(HttpMethod.Delete, "api/contacts/" + Uri.EscapeDataString(shopper.Email));
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await Traces.FindAsync(fixture.Storage.Tables, shopper, contactId));
    }
}
