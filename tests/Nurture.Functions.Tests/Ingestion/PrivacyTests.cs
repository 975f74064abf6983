using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Data-subject rights: access, export, rectification and erasure that leaves nothing behind.</summary>
[Collection(IngestionCollection.Name)]
public sealed class PrivacyTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task Erasure_LeavesNothingInAnyTable_ButASuppressionHash()
    {
        var shopper = Shopper.Unique();
        await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 8001));
        await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 8002));
        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 2, "both orders");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        await NothingInFlightAsync();
        Assert.NotEmpty(await FindTracesAsync(shopper, contactId));

        using var deleted = await fixture.SendWithKeyAsync(HttpMethod.Delete, "api/contacts/" + Uri.EscapeDataString(shopper.Email));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await FindTracesAsync(shopper, contactId));
        Assert.True(await fixture.Storage.Suppression.ContainsAsync(IdentityKind.Email, shopper.NormalizedEmail));
        Assert.Null(await ContactsApi.TryGetAsync(fixture, shopper.Email));
        using var again = await fixture.SendWithKeyAsync(HttpMethod.Delete, "api/contacts/" + Uri.EscapeDataString(shopper.Email));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task ShopifyCustomerRedact_ErasesTheContact()
    {
        var shopper = Shopper.Unique();
        await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 8101));
        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        await NothingInFlightAsync();

        using var response = await fixture.PostShopifyAsync("customers/redact", ShopifyPayloads.CustomerRedact(shopper));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Poll.UntilAsync(async () => await ContactsApi.TryGetAsync(fixture, shopper.Email) is null, TimeSpan.FromSeconds(30), "the redact to erase the contact");

        // The profile goes before the erasure's last step (the sweep of every table): wait for the redact to finish.
        await NothingInFlightAsync();
        Assert.Empty(await FindTracesAsync(shopper, contact.GetProperty("contact_id").GetString()!));
    }

    [Fact]
    public async Task Export_HoldsEveryEvent_AndPatchCorrectsAttributesAndTags()
    {
        var shopper = Shopper.Unique();
        for (var i = 0; i < 3; i++)
        {
            await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 8200 + i));
        }

        await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 3, "three orders");

        using var export = await fixture.SendWithKeyAsync(HttpMethod.Get, "api/contacts/" + Uri.EscapeDataString(shopper.Phone) + "/export");
        var exported = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(3, exported.GetProperty("events").GetArrayLength());

        using var patched = await fixture.SendWithKeyAsync(
            HttpMethod.Patch,
            "api/contacts/" + Uri.EscapeDataString(shopper.Email),
            JsonContent.Create(new { attributes = new { firstName = "Zoë", city = (string?)null }, tags = new { add = new[] { "vip" } } }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var profile = (await ContactsApi.TryGetAsync(fixture, shopper.Email))!.Value.GetProperty("profile");
        Assert.Equal("Zoë", profile.GetProperty("attributes").GetProperty("firstName").GetProperty("value").GetString());
        Assert.False(profile.GetProperty("attributes").TryGetProperty("city", out _));
        Assert.True(profile.GetProperty("tags").TryGetProperty("vip", out _));

        using var bad = await fixture.SendWithKeyAsync(HttpMethod.Patch, "api/contacts/" + Uri.EscapeDataString(shopper.Email), JsonContent.Create(new { attributes = new { shoeSize = "44" } }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("shoeSize", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ContactEndpoints_NeedAFunctionKey()
    {
        using var response = await fixture.Host.Client.GetAsync("api/contacts/anyone@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<List<string>> FindTracesAsync(Shopper shopper, string contactId) => Traces.FindAsync(fixture.Storage.Tables, shopper, contactId);

    // The guarantee under test is for a contact whose deliveries have all been processed: an erasure that runs while
    // one of them is still being processed can miss what that delivery writes afterwards.
    private Task NothingInFlightAsync() =>
        Eventually.HoldsAsync(async () => await fixture.Storage.Inbound.ApproximateCountAsync() == 0, TimeSpan.FromSeconds(30), "every delivery processed");
}
