using System.Net;
using System.Text;
using System.Text.Json;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Identity resolution across events: two contacts known by different identities merge when an event links them.</summary>
[Collection(IngestionCollection.Name)]
public sealed class IdentityMergeTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task OrderNamingAnEmailAndAPhoneKnownAsTwoContacts_MergesThemIntoOne()
    {
        var shopper = Shopper.Unique();
        await TrackAsync(new { email = shopper.Email }, "product_viewed");
        await TrackAsync(new { phone = shopper.Phone }, "search");
        var byEmail = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => c.GetProperty("timeline").GetArrayLength() == 1, "the email contact");
        var byPhone = await ContactsApi.WaitForAsync(fixture, shopper.Phone, c => c.GetProperty("timeline").GetArrayLength() == 1, "the phone contact");
        Assert.NotEqual(byEmail.GetProperty("contact_id").GetString(), byPhone.GetProperty("contact_id").GetString());

        await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 9901));

        var merged = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1 && c.GetProperty("timeline").GetArrayLength() == 3, "the merged contact");
        var viaPhone = (await ContactsApi.TryGetAsync(fixture, shopper.Phone))!.Value;
        Assert.Equal(merged.GetProperty("contact_id").GetString(), viaPhone.GetProperty("contact_id").GetString());
        var types = merged.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["order.placed", "product_viewed", "search"], types);
        var loser = new[] { byEmail, byPhone }.Select(c => c.GetProperty("contact_id").GetString()).Single(id => id != merged.GetProperty("contact_id").GetString());
        var viaLoserId = (await ContactsApi.TryGetAsync(fixture, loser!))!.Value;
        Assert.Equal(merged.GetProperty("contact_id").GetString(), viaLoserId.GetProperty("contact_id").GetString());
    }

    private async Task TrackAsync(object contact, string type)
    {
        var body = JsonSerializer.Serialize(new { type, contact, occurredAt = DateTimeOffset.UtcNow, properties = new { }, idempotencyKey = Guid.NewGuid().ToString() });
        using var response = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/events", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
