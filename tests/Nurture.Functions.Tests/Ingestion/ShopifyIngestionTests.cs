using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Shopify deliveries end to end: HTTP, events-inbound, the processor, the profile, the privacy API.</summary>
[Collection(IngestionCollection.Name)]
public sealed class ShopifyIngestionTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task OrderCreated_IsAccepted_ThenOnTheTimelineAndInTheProfile()
    {
        var shopper = Shopper.Unique();

        using var response = await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 5001, 120.50m));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order on the profile");
        Assert.Equal(120.50m, contact.GetProperty("profile").GetProperty("orders").GetProperty("ordered_total").GetDecimal());
        var timeline = contact.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "order.placed");
        Assert.Contains(shopper.NormalizedEmail, contact.GetProperty("profile").GetProperty("emails").EnumerateArray().Select(e => e.GetString()));

        var byPhone = await ContactsApi.TryGetAsync(fixture, shopper.Phone);
        Assert.Equal(contact.GetProperty("contact_id").GetString(), byPhone?.GetProperty("contact_id").GetString());
    }

    [Fact]
    public async Task RetriedDelivery_WithTheSameEventId_CountsOnce()
    {
        var shopper = Shopper.Unique();
        var payload = ShopifyPayloads.Order(shopper, 5002);
        var eventId = Guid.NewGuid().ToString();

        for (var i = 0; i < 3; i++)
        {
            using var response = await fixture.PostShopifyAsync("orders/create", payload, eventId);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // A later, different order proves the retries were processed before it (one queue, FIFO-ish, polled until seen).
        using (await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 5003)))
        {
        }

        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) >= 2, "both orders");
        await Poll.UntilAsync(async () => await QueueDrainedAsync(), TimeSpan.FromSeconds(30), "events-inbound to drain");
        contact = (await ContactsApi.TryGetAsync(fixture, shopper.Email))!.Value;
        Assert.Equal(2, ContactsApi.OrderCount(contact));
        Assert.Equal(2, contact.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "order.placed"));
    }

    [Fact]
    public async Task DeliveryLargerThanAQueueMessage_GoesThroughTheClaimCheck()
    {
        var shopper = Shopper.Unique();
        var order = System.Text.Json.Nodes.JsonNode.Parse(ShopifyPayloads.Order(shopper, 5101))!.AsObject();
        order["note"] = new string('n', 150_000);

        using var response = await fixture.PostShopifyAsync("orders/create", order.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the large order on the profile");
        var deliveryId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("delivery_id").GetString()!;
        var payloads = fixture.Storage.Tables.GetTableClient(Nurture.Storage.Repositories.PayloadStore.TableName);
        await Poll.UntilAsync(
            async () =>
            {
                await foreach (var _ in payloads.QueryAsync<TableEntity>(TableFilters.Partition(deliveryId)))
                {
                    return false;
                }

                return true;
            },
            TimeSpan.FromSeconds(30),
            "the stored body to be released after processing");
    }

    [Fact]
    public async Task ConcurrentOrdersForOneShopper_LoseNoUpdate()
    {
        var shopper = Shopper.Unique();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 6000 + i, 10m))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 12, "twelve orders");
        Assert.Equal(120m, contact.GetProperty("profile").GetProperty("orders").GetProperty("ordered_total").GetDecimal());
    }

    [Fact]
    public async Task UnknownTopic_IsAcceptedAsIgnoredAndRecorded()
    {
        using var response = await fixture.PostShopifyAsync("products/update", """{"id":1,"title":"Mug"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ignored", receipt.GetProperty("status").GetString());
        var deliveryId = receipt.GetProperty("delivery_id").GetString()!;
        var rows = fixture.Storage.IgnoredDeliveries.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {deliveryId}"));
        var found = false;
        await foreach (var row in rows)
        {
            found = row.GetString("Topic") == "products/update";
        }

        Assert.True(found);
    }

    public static TheoryData<string, string?, string, HttpStatusCode, string> BadDeliveries => new()
    {
        { "bad signature", "AAAA", "application/json", HttpStatusCode.Unauthorized, "signature" },
        { "signature of another body", Convert.ToBase64String(new byte[32]), "application/json", HttpStatusCode.Unauthorized, "does not match" },
        { "wrong content type", null, "text/plain", HttpStatusCode.UnsupportedMediaType, "application/json" },
    };

    [Theory]
    [MemberData(nameof(BadDeliveries))]
    public async Task BadDelivery_IsRefusedWithProblemJsonAndLeavesNoTrace(string why, string? signature, string contentType, HttpStatusCode expected, string detail)
    {
        var shopper = Shopper.Unique();

        using var response = await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 7001), signature: signature, contentType: contentType);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await AssertNeverProcessedAsync(shopper, why);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    public async Task MalformedBody_IsRefusedWith400NamingTheProblem(string body)
    {
        using var response = await fixture.PostShopifyAsync("orders/create", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task OversizedBody_IsRefusedWith413()
    {
        var huge = "{\"pad\":\"" + new string('x', 300_000) + "\"}";

        // The server closes the connection after a 413: use one of our own, not the shared client's pool.
        using var client = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using var response = await fixture.PostShopifyAsync("orders/create", huge, client: client);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task AssertNeverProcessedAsync(Shopper shopper, string why)
    {
        // Anything enqueued before this point is processed before the queue drains.
        await Poll.UntilAsync(async () => await QueueDrainedAsync(), TimeSpan.FromSeconds(30), "events-inbound to drain");
        Assert.True(await ContactsApi.TryGetAsync(fixture, shopper.Email) is null, $"a refused delivery ({why}) created a contact");
    }

    private async Task<bool> QueueDrainedAsync() => await fixture.Storage.Inbound.ApproximateCountAsync() == 0;
}
