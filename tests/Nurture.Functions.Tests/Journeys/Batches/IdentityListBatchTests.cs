using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Batches;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys.Batches;

/// <summary>In the whole app (ingestion included), list entries may be emails and phone numbers of ingested contacts.</summary>
[Collection(IngestionCollection.Name)]
public sealed class IdentityListBatchTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task ListStart_ResolvesEmailsAndPhones_ToTheIngestedContact_StartingItOnce()
    {
        var shopper = Shopper.Unique();
        await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 9301));
        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        var journeyId = "hold-" + Guid.NewGuid().ToString("N")[..8];
        var journeys = fixture.Host.Services.GetRequiredService<JourneyStorage>();
        await journeys.EnsureCreatedAsync();
        await journeys.Definitions.PublishAsync(BatchTestApp.Parse(BatchTestApp.Hold.Replace("\"id\": \"hold\"", $"\"id\": \"{journeyId}\"", StringComparison.Ordinal)));
        var body = JsonSerializer.Serialize(new { contact_ids = new[] { shopper.Email, shopper.Phone, $"nobody-{journeyId}@example.com" } });

        using var noKey = await fixture.SendWithKeyAsync(HttpMethod.Post, $"api/journeys/{journeyId}/batch-starts", new StringContent(body, Encoding.UTF8, "application/json"));
        using var keyed = new HttpRequestMessage(HttpMethod.Post, $"api/journeys/{journeyId}/batch-starts");

        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        keyed.Headers.Add("x-functions-key", Infrastructure.FunctionTestHost.FunctionKey);
        keyed.Headers.Add("Idempotency-Key", "by-identity");
        keyed.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var started = await fixture.Host.Client.SendAsync(keyed);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var batchId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString()!;

        JsonElement view = default;
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await fixture.SendWithKeyAsync(HttpMethod.Get, $"api/journeys/batches/{batchId}");
                view = await response.Content.ReadFromJsonAsync<JsonElement>();
                return view.GetProperty("status").GetString() == "completed";
            },
            TimeSpan.FromSeconds(60),
            "the batch completed");
        Assert.Equal(3, view.GetProperty("total").GetInt32());
        Assert.Equal(1, view.GetProperty("started").GetInt32());
        Assert.Equal(1, BatchTestApp.NotAdmitted(view, BatchReasons.DuplicateInList));
        Assert.Equal(1, BatchTestApp.NotAdmitted(view, BatchReasons.NoSuchContact));
        var instance = Assert.Single(await journeys.Instances.ListForContactAsync(contactId, journeyId));
        Assert.Equal(JourneyIds.InstanceId(journeyId, contactId, "batch:" + batchId), instance.InstanceId);
    }
}
