using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Start a journey over HTTP, watch its instance, read the outbox.</summary>
public sealed class JourneyApiTests
{
    private const string ThankYou = """
        {
          "id": "thank-you", "name": "Thank you", "version": 1,
          "entry": { "kind": "api" },
          "re_entry": { "mode": "never" },
          "start": "tag",
          "nodes": [
            { "type": "update_profile", "id": "tag", "add_tags": [ "thanked" ], "next": "thanks" },
            { "type": "send_email", "id": "thanks", "template": "abandoned-checkout-email",
              "channel": { "sender": "shop@example.com", "subject": "Thanks" }, "next": "done" },
            { "type": "exit", "id": "done", "reason": "thanked" }
          ]
        }
        """;

    [Fact]
    public async Task Start_RunsTheJourney_AndTheInstanceAndOutboxAreReadable()
    {
        await using var app = await JourneyTestApp.StartAsync(
            TestStorageAccounts.IsolatedAzurite(),
            JourneyJson.Parse(ThankYou));
        var client = app.Host.Client;
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);

        var started = await client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = JourneyTestApp.ContactId, request_key = "req-1" });
        var again = await client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = JourneyTestApp.ContactId, request_key = "req-1" });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entered").GetBoolean());

        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                view = await client.GetFromJsonAsync<JsonElement>($"api/journeys/instances/{instanceId}");
                return view.GetProperty("state").GetProperty("status").GetString() == "completed" && view.GetProperty("pending_commands").GetInt32() == 0;
            },
            TimeSpan.FromSeconds(30),
            "the started instance completed");
        var timeline = view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("sent", timeline);
        Assert.Contains("profile_updated", timeline);

        var outbox = await client.GetFromJsonAsync<JsonElement>($"api/outbox?contact_id={JourneyTestApp.ContactId}");
        var message = Assert.Single(outbox.EnumerateArray()).GetProperty("message");
        Assert.Equal("Hi Ana, your cart is waiting.", message.GetProperty("body").GetString());
        Assert.Contains("thanked", (await app.Storage.Contacts.GetAsync(JourneyTestApp.ContactId))!.Contact.TagsOrEmpty);
    }

    [Fact]
    public async Task Cancel_EndsAWaitingInstance_BeforeItSends()
    {
        var slow = ThankYou.Replace("\"next\": \"thanks\" }", "\"next\": \"later\" },\n { \"type\": \"delay\", \"id\": \"later\", \"duration\": \"01:00:00\", \"next\": \"thanks\" }", StringComparison.Ordinal);
        await using var app = await JourneyTestApp.StartAsync(
            TestStorageAccounts.IsolatedAzurite(),
            JourneyJson.Parse(slow));
        var client = app.Host.Client;
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);
        var started = await client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = JourneyTestApp.ContactId, request_key = "req-1" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString();
        await Eventually.HoldsAsync(async () => (await app.InstancesAsync()).Single().State.Status == Core.Journeys.Runtime.JourneyStatus.Waiting, TimeSpan.FromSeconds(30), "the instance waits");

        var cancel = await client.PostAsync($"api/journeys/instances/{instanceId}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await Eventually.HoldsAsync(
            async () => (await app.InstancesAsync()).Single() is { State.Status: Core.Journeys.Runtime.JourneyStatus.Cancelled, Pending.Count: 0 },
            TimeSpan.FromSeconds(30),
            "the instance is cancelled");
        Assert.Empty(await app.Storage.Instances.ListForContactAsync(JourneyTestApp.ContactId, liveOnly: true));
        Assert.Empty(await app.Outbox.ListAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"api/journeys/instances/{instanceId}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Start_NamesWhatIsWrong()
    {
        await using var app = await JourneyTestApp.StartAsync(
            TestStorageAccounts.IsolatedAzurite(),
            JourneyJson.Parse(ThankYou));
        var client = app.Host.Client;
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);

        var unknown = await client.PostAsJsonAsync("api/journeys/nope/start", new { contact_id = "c-1", request_key = "r" });
        var noKey = await client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = "c-1" });
        var missing = await client.GetAsync("api/journeys/instances/ji-missing");
        using var anonymousClient = new HttpClient { BaseAddress = app.Host.BaseAddress };
        var anonymous = await anonymousClient.GetAsync("api/outbox");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no published version", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("Idempotency-Key", await noKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
