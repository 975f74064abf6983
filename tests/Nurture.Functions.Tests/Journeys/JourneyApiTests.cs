using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Start a journey over HTTP on the local host, watch, pause, resume and cancel its instance, read the outbox.</summary>
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
            { "type": "send_email", "id": "thanks", "template": "thanks-email",
              "channel": { "sender": "shop@example.com", "subject": "Thanks" }, "next": "done" },
            { "type": "exit", "id": "done", "reason": "thanked" }
          ]
        }
        """;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    private static string WithDelay(string duration) =>
        ThankYou.Replace("\"next\": \"thanks\" }", $"\"next\": \"later\" }},\n {{ \"type\": \"delay\", \"id\": \"later\", \"duration\": \"{duration}\", \"next\": \"thanks\" }}", StringComparison.Ordinal);

    [Fact]
    public async Task Start_RunsTheJourney_AndTheInstanceWithItsTimelineAndTheOutboxAreReadable()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyJson.Parse(ThankYou)]);

        using var started = await app.Client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = JourneyTestApp.ContactId, request_key = "req-1" });
        using var again = await app.Client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = JourneyTestApp.ContactId, request_key = "req-1" });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entered").GetBoolean());

        var view = await Poll(app, instanceId, v => v.GetProperty("runtime_status").GetString() == "completed", "the started instance completed");
        Assert.Equal("completed", view.GetProperty("state").GetProperty("status").GetString());
        var timeline = view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("sent", timeline);
        Assert.Contains("profile_updated", timeline);

        var outbox = await app.Client.GetFromJsonAsync<JsonElement>($"api/outbox?contact_id={JourneyTestApp.ContactId}");
        var message = Assert.Single(outbox.EnumerateArray()).GetProperty("message");
        Assert.Equal("Hi Ana, thanks-email.", message.GetProperty("body").GetString());
        Assert.Equal("ana@example.com", message.GetProperty("to").GetString());
        Assert.Empty((await app.Client.GetFromJsonAsync<JsonElement>("api/outbox?contact_id=c-nobody")).EnumerateArray());
        Assert.Contains("thanked", (await app.Profiles.GetAsync(JourneyTestApp.ContactId))!.Tags.Keys);
        Assert.Single(await app.Storage.Instances.ListForContactAsync(JourneyTestApp.ContactId));
    }

    [Fact]
    public async Task PauseAndResume_HoldTheInstanceAcrossItsDelay_ThenItSends()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyJson.Parse(WithDelay("00:00:02"))]);
        var instanceId = await StartAsync(app);
        await Poll(app, instanceId, v => v.TryGetProperty("state", out var state) && state.GetProperty("status").GetString() == "waiting", "the instance waits");

        using var paused = await app.Client.PostAsync($"api/journeys/instances/{instanceId}/pause", null);
        Assert.Equal(HttpStatusCode.Accepted, paused.StatusCode);
        await Poll(app, instanceId, v => v.GetProperty("state").GetProperty("status").GetString() == "paused", "the instance is paused");

        // Well past the delay's due time: a paused instance sends nothing.
        var pausedAt = DateTimeOffset.UtcNow;
        await Nurture.Storage.Tests.Infrastructure.Poll.UntilAsync(
            async () => DateTimeOffset.UtcNow > pausedAt.AddSeconds(4) ? (object)true : (await app.Outbox.ListAsync()).Count > 0 ? throw new InvalidOperationException("sent while paused") : null,
            TimeSpan.FromSeconds(10),
            "four seconds paused",
            TimeSpan.FromMilliseconds(250));
        Assert.Empty(await app.Outbox.ListAsync());

        using var resumed = await app.Client.PostAsync($"api/journeys/instances/{instanceId}/resume", null);
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        await Poll(app, instanceId, v => v.GetProperty("runtime_status").GetString() == "completed", "the resumed instance completed");
        Assert.Single(await app.Outbox.ListAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PostAsync($"api/journeys/instances/{instanceId}/pause", null)).StatusCode);
    }

    [Fact]
    public async Task Cancel_EndsAWaitingInstance_BeforeItSends()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyJson.Parse(WithDelay("01:00:00"))]);
        var instanceId = await StartAsync(app);
        await Poll(app, instanceId, v => v.TryGetProperty("state", out var state) && state.GetProperty("status").GetString() == "waiting", "the instance waits");

        using var cancel = await app.Client.PostAsync($"api/journeys/instances/{instanceId}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.EndsWith($"journeys/instances/{instanceId}", cancel.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await Poll(app, instanceId, v => v.GetProperty("runtime_status").GetString() == "completed", "the cancelled instance ended");
        Assert.Equal(JourneyStatus.Cancelled, (await app.Storage.Instances.LoadAsync(instanceId))!.State.Status);
        Assert.Empty(await app.Storage.Instances.ListForContactAsync(JourneyTestApp.ContactId, liveOnly: true));
        Assert.Empty(await app.Outbox.ListAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PostAsync($"api/journeys/instances/{instanceId}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Start_NamesWhatIsWrong()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyJson.Parse(ThankYou)]);

        using var unknown = await app.Client.PostAsJsonAsync("api/journeys/nope/start", new { contact_id = JourneyTestApp.ContactId, request_key = "r" });
        using var noKey = await app.Client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = JourneyTestApp.ContactId });
        using var noContact = await app.Client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = "c-never-seen", request_key = "r" });
        using var missing = await app.Client.GetAsync("api/journeys/instances/ji-missing");
        using var cancelMissing = await app.Client.PostAsync("api/journeys/instances/ji-missing/cancel", null);
        using var anonymousClient = new HttpClient { BaseAddress = app.Host.BaseAddress };
        using var anonymous = await anonymousClient.GetAsync("api/outbox");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no published version", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("Idempotency-Key", await noKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noContact.StatusCode);
        Assert.Contains("No such contact", await noContact.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.Storage.Instances.ListForContactAsync("c-never-seen"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancelMissing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<string> StartAsync(JourneyTestApp app)
    {
        using var started = await app.Client.PostAsJsonAsync("api/journeys/thank-you/start", new { contact_id = JourneyTestApp.ContactId, request_key = "req-1" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString()!;
    }

    private static async Task<JsonElement> Poll(JourneyTestApp app, string instanceId, Func<JsonElement, bool> condition, string what)
    {
        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await app.Client.GetAsync($"api/journeys/instances/{instanceId}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return condition(view);
            },
            Deadline,
            what);
        return view;
    }
}
