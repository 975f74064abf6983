using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// Every shipped example journey end to end on the local host (HTTP starts, events routed as ingestion routes them,
/// Durable on Azurite, the outbox channel), its days and hours shrunk to a second.
/// </summary>
public sealed class ExampleJourneyTests
{
    [Fact]
    public void EveryShippedExample_HasATestHere()
    {
        Assert.Equal(["abandoned-checkout", "flash-sale", "post-purchase-review", "replenishment", "welcome-series", "win-back"], JourneyExamples.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AbandonedCheckout_WithoutAnOrder_RemindsByEmailThenSms()
    {
        await using var app = await JourneyTestApp.StartAsync([Compressed("abandoned-checkout")]);

        await app.RaiseAsync("ev-checkout", "checkout.updated", """{ "checkoutToken": "tok-1", "total": "80.00" }""");
        var instanceId = await OnlyInstanceAsync(app);
        await app.EndedAsync(instanceId);

        Assert.Equal(["email_reminder", "sms_reminder"], await SentNodesAsync(app, instanceId));
        Assert.Equal(JourneyStatus.Completed, (await app.Storage.Instances.LoadAsync(instanceId))!.State.Status);
    }

    [Fact]
    public async Task WelcomeSeries_OrderDuringTheWait_TakesTheConvertedPath_AndMovesTheTags()
    {
        await using var app = await JourneyTestApp.StartAsync([Compressed("welcome-series", "00:00:01", "00:00:30")]);

        await app.RaiseAsync("ev-created", "customer.created", "{}");
        var instanceId = await OnlyInstanceAsync(app);
        await Eventually.HoldsAsync(
            async () => (await app.Storage.Instances.ReadHistoryAsync(instanceId)).Any(h => h.Kind == HistoryKind.Waiting && h.NodeId == "wait_first_order")
                && (await app.Profiles.GetAsync(JourneyTestApp.ContactId))!.Tags.ContainsKey("welcome-coupon"),
            TimeSpan.FromSeconds(30),
            "the instance waits for the first order, the coupon tag set");
        await app.RaiseAsync("ev-order", "order.placed", """{ "orderId": "o-1", "total": "20.00" }""");
        await app.EndedAsync(instanceId);

        Assert.Equal(["welcome_email", "coupon_email"], await SentNodesAsync(app, instanceId));
        var tags = (await app.Profiles.GetAsync(JourneyTestApp.ContactId))!.Tags.Keys;
        Assert.Contains("welcome-converted", tags);
        Assert.DoesNotContain("welcome-coupon", tags);
    }

    [Fact]
    public async Task WelcomeSeries_NoOrderBeforeTheTimeout_SendsTheLastChanceEmail()
    {
        await using var app = await JourneyTestApp.StartAsync([Compressed("welcome-series")]);

        await app.RaiseAsync("ev-created", "customer.created", "{}");
        var instanceId = await OnlyInstanceAsync(app);
        await app.EndedAsync(instanceId);

        Assert.Equal(["welcome_email", "coupon_email", "last_chance_email"], await SentNodesAsync(app, instanceId));
    }

    [Fact]
    public async Task Replenishment_WithoutAClick_RemindsByEmailThenSms()
    {
        await using var app = await JourneyTestApp.StartAsync([Compressed("replenishment")]);

        await app.RaiseAsync("ev-order", "order.placed", """{ "orderId": "o-1", "replenishable": true }""");
        var instanceId = await OnlyInstanceAsync(app);
        await app.EndedAsync(instanceId);

        Assert.Equal(["reminder_email", "reminder_sms"], await SentNodesAsync(app, instanceId));
    }

    [Fact]
    public async Task PostPurchaseReview_SendsTheRequestAndTheReminder()
    {
        await using var app = await JourneyTestApp.StartAsync([Compressed("post-purchase-review")]);

        await app.RaiseAsync("ev-fulfilled", "order.fulfilled", """{ "orderId": "o-1" }""");
        var instanceId = await OnlyInstanceAsync(app);
        await app.EndedAsync(instanceId);

        Assert.Equal(["review_email", "review_reminder"], await SentNodesAsync(app, instanceId));
    }

    [Fact]
    public async Task FlashSale_ForAVip_StartedOverHttp_AnnouncesByEmailAndRemindsBySms_AndTheSameSaleStartsNoSecondInstance()
    {
        await using var app = await JourneyTestApp.StartAsync([Compressed("flash-sale")]);
        await app.Profiles.UpdateAsync(JourneyTestApp.ContactId, p => p with { Tags = p.Tags.SetItem("vip", new Core.Profiles.ProfileTag("vip", Core.Profiles.TagSource.Platform, DateTimeOffset.UtcNow)) });

        var instanceId = await StartAsync(app, "flash-sale", "sale-2026-12");
        await app.EndedAsync(instanceId);

        Assert.Equal(["announce", "sms_reminder"], await SentNodesAsync(app, instanceId));
        using var again = await app.Client.PostAsJsonAsync("api/journeys/flash-sale/start", new { contact_id = JourneyTestApp.ContactId, request_key = "sale-2026-12-again" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entered").GetBoolean());
    }

    [Fact]
    public async Task WinBack_SplitsTheLapsedCustomer_AndFollowsTheUnresponsivePath()
    {
        await using var app = await JourneyTestApp.StartAsync([Compressed("win-back")]);
        await app.Profiles.UpdateAsync(JourneyTestApp.ContactId, p => p with { Orders = p.Orders with { OrderCount = 2, LastOrderAt = DateTimeOffset.UtcNow.AddDays(-120) } });

        var instanceId = await StartAsync(app, "win-back", "win-back-q4");
        await app.EndedAsync(instanceId);

        var state = (await app.Storage.Instances.LoadAsync(instanceId))!.State;
        var variant = state.VariantsOrEmpty["offer_split"];
        string[] expected = variant switch
        {
            "discount" => ["discount_email", "final_email"],
            "free_shipping" => ["shipping_email", "final_email"],
            _ => [],
        };
        Assert.Equal(expected, await SentNodesAsync(app, instanceId));
        Assert.True(state.Status is JourneyStatus.Completed or JourneyStatus.Exited, state.Status.ToString());
        Assert.Equal(variant != "holdout", (await app.Profiles.GetAsync(JourneyTestApp.ContactId))!.Tags.ContainsKey("win-back-unresponsive"));
    }

    /// <summary>
    /// The example with its delays and wait timeouts set to <paramref name="durations"/> in node order (the last one
    /// for the rest), no local-time alignment and no best-time windows (their hours cannot shrink; the send-time
    /// tests check those deferrals).
    /// </summary>
    private static JourneyDefinition Compressed(string example, params string[] durations)
    {
        durations = durations.Length == 0 ? ["00:00:01"] : durations;
        var document = JsonNode.Parse(JourneyExamples.ReadJson(example))!.AsObject();
        var next = 0;
        foreach (var node in document["nodes"]!.AsArray().OfType<JsonObject>())
        {
            node.Remove("at_local_time");
            node.Remove("best_time");
            foreach (var key in new[] { "duration", "timeout" })
            {
                if (node.ContainsKey(key))
                {
                    node[key] = durations[Math.Min(next++, durations.Length - 1)];
                }
            }
        }

        return JourneyJson.Parse(document.ToJsonString());
    }

    private static async Task<string> StartAsync(JourneyTestApp app, string journeyId, string requestKey)
    {
        using var response = await app.Client.PostAsJsonAsync($"api/journeys/{journeyId}/start", new { contact_id = JourneyTestApp.ContactId, request_key = requestKey });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("instance_id").GetString()!;
    }

    private static Task<string> OnlyInstanceAsync(JourneyTestApp app) =>
        Eventually.ValueAsync(
            async () => (await app.Storage.Instances.ListForContactAsync(JourneyTestApp.ContactId)).SingleOrDefault()?.InstanceId,
            TimeSpan.FromSeconds(30),
            "the entered instance");

    /// <summary>The nodes whose messages reached the outbox, in the order they did; each sent per the ledger and on the timeline.</summary>
    private static async Task<List<string>> SentNodesAsync(JourneyTestApp app, string instanceId)
    {
        var sent = (await app.Outbox.ListAsync(JourneyTestApp.ContactId)).OrderBy(r => r.RecordedAt).ToList();
        foreach (var record in sent)
        {
            Assert.Equal(LedgerStatus.Sent, (await app.Storage.Ledger.GetAsync(record.Message.MessageId))!.Status);
        }

        var timeline = (await app.Storage.Instances.ReadHistoryAsync(instanceId)).Where(h => h.Kind == HistoryKind.Sent).Select(h => h.NodeId!).ToList();
        Assert.Equal(timeline, sent.Select(r => r.Message.NodeId!));
        return timeline;
    }
}
