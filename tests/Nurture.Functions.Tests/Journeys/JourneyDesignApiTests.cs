using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nurture.Functions.Tests.Ingestion;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>The marketer's design loop over HTTP on the full app: draft, validate, publish, versions, pause, resume.</summary>
[Collection(IngestionCollection.Name)]
public sealed class JourneyDesignApiTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task Draft_Validate_Publish_ListVersions_PauseAndResume()
    {
        var journeyId = "welcome-" + Guid.NewGuid().ToString("N")[..8];
        var broken = Document(journeyId, next: "nowhere");

        using var savedBroken = await SendAsync(HttpMethod.Put, $"api/journeys/{journeyId}/draft", broken);
        var brokenReport = await JsonAsync(savedBroken);
        Assert.Equal(HttpStatusCode.OK, savedBroken.StatusCode);
        Assert.False(brokenReport.GetProperty("valid").GetBoolean());
        Assert.Contains("nowhere", brokenReport.GetProperty("problems").ToString());

        using var refused = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("nowhere", await refused.Content.ReadAsStringAsync());

        using var savedGood = await SendAsync(HttpMethod.Put, $"api/journeys/{journeyId}/draft", Document(journeyId, next: "done"));
        using var validated = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/validate");
        Assert.True((await JsonAsync(validated)).GetProperty("valid").GetBoolean());

        using var first = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        using var unchanged = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (await JsonAsync(first)).GetProperty("version").GetInt32());
        Assert.EndsWith($"journeys/{journeyId}/versions/1", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(1, (await JsonAsync(unchanged)).GetProperty("version").GetInt32());

        using (await SendAsync(HttpMethod.Put, $"api/journeys/{journeyId}/draft", Document(journeyId, next: "done", name: "Welcome, second cut")))
        {
        }

        using var second = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await JsonAsync(second)).GetProperty("version").GetInt32());

        using var versions = await SendAsync(HttpMethod.Get, $"api/journeys/{journeyId}/versions");
        var listed = await JsonAsync(versions);
        Assert.Equal([1, 2], listed.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(2, listed.GetProperty("latest_version").GetInt32());
        Assert.False(listed.GetProperty("paused").GetBoolean());

        // Drafts and published versions read back; the journey is listed.
        using var draft = await SendAsync(HttpMethod.Get, $"api/journeys/{journeyId}/draft");
        Assert.Equal("Welcome, second cut", (await JsonAsync(draft)).GetProperty("draft").GetProperty("name").GetString());
        using var version1 = await SendAsync(HttpMethod.Get, $"api/journeys/{journeyId}/versions/1");
        Assert.Equal("Welcome", (await JsonAsync(version1)).GetProperty("name").GetString());
        using var missingVersion = await SendAsync(HttpMethod.Get, $"api/journeys/{journeyId}/versions/9");
        Assert.Equal(HttpStatusCode.NotFound, missingVersion.StatusCode);
        using var journeys = await SendAsync(HttpMethod.Get, "api/journeys");
        Assert.Contains(journeyId, (await JsonAsync(journeys)).GetProperty("journeys").ToString(), StringComparison.Ordinal);

        using var paused = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/pause");
        using var startWhilePaused = await fixture.SendWithKeyAsync(HttpMethod.Post, $"api/journeys/{journeyId}/start", JsonContent.Create(new { contact_id = "c-anyone", request_key = "r1" }));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, startWhilePaused.StatusCode);

        using var resumed = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/resume");
        using var afterResume = await SendAsync(HttpMethod.Get, $"api/journeys/{journeyId}/versions");
        Assert.False((await JsonAsync(afterResume)).GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task StartedInstances_AreListedByJourneyAndStatus()
    {
        var journeyId = "welcome-" + Guid.NewGuid().ToString("N")[..8];
        using (await SendAsync(HttpMethod.Put, $"api/journeys/{journeyId}/draft", Document(journeyId, next: "done")))
        using (await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish"))
        {
        }

        var shopper = Shopper.Unique();
        await fixture.PostShopifyAsync("orders/create", ShopifyPayloads.Order(shopper, 9951));
        var contact = await ContactsApi.WaitForAsync(fixture, shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the contact");
        var contactId = contact.GetProperty("contact_id").GetString()!;

        // Started by the shopper's email (resolved as batch starts do); the phone names the same contact, who has
        // entered already; an unknown email is nobody.
        using var started = await fixture.SendWithKeyAsync(HttpMethod.Post, $"api/journeys/{journeyId}/start", JsonContent.Create(new { contact_id = shopper.Email, request_key = "r-" + journeyId }));
        using var byPhone = await fixture.SendWithKeyAsync(HttpMethod.Post, $"api/journeys/{journeyId}/start", JsonContent.Create(new { contact_id = shopper.Phone, request_key = "r2-" + journeyId }));
        using var nobody = await fixture.SendWithKeyAsync(HttpMethod.Post, $"api/journeys/{journeyId}/start", JsonContent.Create(new { contact_id = $"nobody-{journeyId}@example.com", request_key = "r3-" + journeyId }));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var instanceId = (await JsonAsync(started)).GetProperty("instance_id").GetString();
        Assert.Equal(Core.Journeys.JourneyIds.InstanceId(journeyId, contactId, "r-" + journeyId), instanceId);
        Assert.Equal(HttpStatusCode.OK, byPhone.StatusCode);
        Assert.False((await JsonAsync(byPhone)).GetProperty("entered").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);

        var listed = await Nurture.Storage.Tests.Infrastructure.Poll.UntilAsync(
            async () =>
            {
                using var response = await SendAsync(HttpMethod.Get, $"api/journeys/instances?journey_id={journeyId}&status=completed");
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync() + string.Join("\n", Infrastructure.TestLogSink.Entries.Where(e => e.Message.Contains("ListJourneyInstances", StringComparison.Ordinal)).Select(e => e.Message)));
                var body = await JsonAsync(response);
                return body.GetProperty("count").GetInt32() == 1 ? (object)body : null;
            },
            TimeSpan.FromSeconds(30),
            "the instance to be listed as completed");

        var instance = ((JsonElement)listed).GetProperty("instances")[0];
        Assert.Equal(journeyId, instance.GetProperty("journey_id").GetString());
        Assert.Equal(instanceId, instance.GetProperty("instance_id").GetString());
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        using var none = await SendAsync(HttpMethod.Get, $"api/journeys/instances?journey_id={journeyId}&status=waiting");
        Assert.Equal(0, (await JsonAsync(none)).GetProperty("count").GetInt32());
        using var bad = await SendAsync(HttpMethod.Get, "api/journeys/instances?status=sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("waiting", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryHttpFunction()
    {
        using var response = await fixture.Host.Client.GetAsync("api/openapi.json");
        var document = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var httpFunctions = Publishing.ExpectedFunctions.All.Where(f => f.Trigger == "httpTrigger").ToList();
        var operationIds = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.GetProperty("operationId").GetString()))
            .ToHashSet();
        Assert.NotEmpty(httpFunctions);
        Assert.All(httpFunctions, f => Assert.Contains(operationIds, id => id == f.Name || id!.StartsWith(f.Name + "_", StringComparison.Ordinal)));
        var start = document.GetProperty("paths").GetProperty("/api/journeys/{journeyId}/start").GetProperty("post");
        Assert.Equal("journeyId", start.GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.True(start.TryGetProperty("security", out _));
        Assert.False(document.GetProperty("paths").GetProperty("/api/webhooks/shopify").GetProperty("post").TryGetProperty("security", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/api/journeys/{journeyId}/batch-starts").GetProperty("post").TryGetProperty("security", out _));
        Assert.Equal("batchId", document.GetProperty("paths").GetProperty("/api/journeys/batches/{batchId}").GetProperty("get").GetProperty("parameters")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task DraftWhoseIdDiffersFromTheUrl_IsRefused()
    {
        using var response = await SendAsync(HttpMethod.Put, "api/journeys/one/draft", Document("another", next: "done"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownJourney_Answers404()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/journeys/never-made/versions");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Document(string id, string next, string name = "Welcome") => $$"""
        {
          "id": "{{id}}", "name": "{{name}}", "version": 1,
          "entry": { "kind": "api" },
          "re_entry": { "mode": "never" },
          "start": "tag",
          "nodes": [
            { "type": "update_profile", "id": "tag", "add_tags": [ "welcomed" ], "next": "{{next}}" },
            { "type": "exit", "id": "done", "reason": "welcomed" }
          ]
        }
        """;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null) =>
        fixture.SendWithKeyAsync(method, path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
