using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Journeys.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Journeys.Tests;

/// <summary>Every shipped example journey, end to end on the orchestration, its days and hours shrunk to a second.</summary>
public sealed class ExampleJourneyTests
{
    [Fact]
    public async Task WelcomeSeries_OrderDuringTheWait_TakesTheConvertedPath_AndMovesTheTags()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("welcome-series", "00:00:01", "00:00:30")]);

        await app.RaiseAsync("ev-created", "customer.created", "{}");
        var instanceId = await OnlyInstanceAsync(app);
        await WaitForLineAsync(app, instanceId, h => h.Kind == HistoryKind.Waiting && h.NodeId == "wait_first_order");
        await Poll.UntilAsync(async () => (await app.ShopperTagsAsync()).Contains("welcome-coupon"), TimeSpan.FromSeconds(10), "the coupon tag");
        await app.RaiseAsync("ev-order", "order.placed", """{ "orderId": "o-1", "total": "20.00" }""");
        var outcome = await app.CompletedAsync(instanceId);

        Assert.Equal(JourneyStatus.Completed, outcome.Status);
        Assert.Equal(["welcome_email", "coupon_email"], await SentNodesAsync(app, instanceId));
        var tags = await app.ShopperTagsAsync();
        Assert.Contains("welcome-converted", tags);
        Assert.DoesNotContain("welcome-coupon", tags);
    }

    [Fact]
    public async Task WelcomeSeries_NoOrderBeforeTheTimeout_SendsTheLastChanceEmail()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.Compressed("welcome-series")]);

        await app.RaiseAsync("ev-created", "customer.created", "{}");
        var instanceId = await OnlyInstanceAsync(app);
        await app.CompletedAsync(instanceId);

        Assert.Equal(["welcome_email", "coupon_email", "last_chance_email"], await SentNodesAsync(app, instanceId));
    }

    [Fact]
    public async Task Replenishment_WithoutAClick_RemindsByEmailThenSms()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.Compressed("replenishment")]);

        await app.RaiseAsync("ev-order", "order.placed", """{ "orderId": "o-1", "replenishable": true }""");
        var instanceId = await OnlyInstanceAsync(app);
        await app.CompletedAsync(instanceId);

        Assert.Equal(["reminder_email", "reminder_sms"], await SentNodesAsync(app, instanceId));
    }

    [Fact]
    public async Task PostPurchaseReview_SendsTheRequestAndTheReminder()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.Compressed("post-purchase-review")]);

        await app.RaiseAsync("ev-fulfilled", "order.fulfilled", """{ "orderId": "o-1" }""");
        var instanceId = await OnlyInstanceAsync(app);
        await app.CompletedAsync(instanceId);

        Assert.Equal(["review_email", "review_reminder"], await SentNodesAsync(app, instanceId));
    }

    [Fact]
    public async Task PostPurchaseReview_ReminderWithABestTimeWindow_WaitsForTheAdvisedInstant_AndSaysWhy()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("post-purchase-review", keepBestTime: true, "00:00:01", "00:00:01")]);
        var reached = DateTimeOffset.UtcNow;

        await app.RaiseAsync("ev-fulfilled", "order.fulfilled", """{ "orderId": "o-1" }""");
        var instanceId = await OnlyInstanceAsync(app);
        var choice = await WaitForLineAsync(app, instanceId, h => h.NodeId == "review_reminder" && h.Message.StartsWith("best time within", StringComparison.Ordinal));

        // A contact with no evidence gets the default pattern's slot: inside the 48 h window, explained on the timeline.
        Assert.Contains("best time within 48 h", choice.Message, StringComparison.Ordinal);
        Assert.Contains("default", choice.Message, StringComparison.Ordinal);
        Assert.Contains("0 engagements", choice.Message, StringComparison.Ordinal);
        if (choice.Kind == HistoryKind.Decision)
        {
            // The run fell inside the default pattern's best hour: the reminder goes at once, said so on the timeline.
            Assert.Contains("is now", choice.Message, StringComparison.Ordinal);
            await app.CompletedAsync(instanceId);
            Assert.Equal(["review_email", "review_reminder"], await SentNodesAsync(app, instanceId));
            return;
        }

        Assert.Equal(HistoryKind.Deferred, choice.Kind);
        var state = (await app.Storage.Instances.LoadAsync(instanceId))!.State;
        Assert.Equal("review_reminder", state.CurrentNodeId);
        Assert.Equal(["review_email"], await SentNodesAsync(app, instanceId));
        Assert.Equal(TimerPurpose.BestTime, state.Timer!.Purpose);
        Assert.InRange(state.Timer.DueAt, reached, reached.AddHours(48).AddMinutes(1));
    }

    [Fact]
    public async Task FlashSale_ForAVip_AnnouncesByEmailAndRemindsBySmsAfterTheNight()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.Compressed("flash-sale")]);
        await app.UpdateShopperAsync(c => c with { Tags = new HashSet<string> { "vip" } });

        var instanceId = (await app.StartAsync("flash-sale", "sale-2026-12"))!;
        await app.CompletedAsync(instanceId);

        Assert.Equal(["announce", "sms_reminder"], await SentNodesAsync(app, instanceId));
        Assert.Null(await app.StartAsync("flash-sale", "sale-2026-12-again"));
    }

    [Fact]
    public async Task WinBack_SplitsTheLapsedCustomer_AndFollowsTheUnresponsivePath()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.Compressed("win-back")]);
        await app.UpdateShopperAsync(c => c with { OrderCount = 2, LastOrderAt = DateTimeOffset.UtcNow.AddDays(-120) });

        var instanceId = (await app.StartAsync("win-back", "win-back-q4"))!;
        var outcome = await app.CompletedAsync(instanceId);

        var state = (await app.Storage.Instances.LoadAsync(instanceId))!.State;
        var variant = state.VariantsOrEmpty["offer_split"];
        string[] expected = variant switch
        {
            "discount" => ["discount_email", "final_email"],
            "free_shipping" => ["shipping_email", "final_email"],
            _ => [],
        };
        Assert.Equal(expected, await SentNodesAsync(app, instanceId));
        Assert.True(outcome.Status is JourneyStatus.Completed or JourneyStatus.Exited);
        Assert.Equal(variant != "holdout", (await app.ShopperTagsAsync()).Contains("win-back-unresponsive"));
    }

    private static async Task<string> OnlyInstanceAsync(DurableJourneyHost app) =>
        Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).InstanceId;

    private static Task<HistoryEntry> WaitForLineAsync(DurableJourneyHost app, string instanceId, Func<HistoryEntry, bool> line) =>
        Poll.UntilAsync(async () => (await app.Storage.Instances.ReadHistoryAsync(instanceId)).FirstOrDefault(line), TimeSpan.FromSeconds(30), "a timeline line");

    /// <summary>The nodes whose messages reached the outbox, in order; each recorded as sent in the ledger.</summary>
    private static async Task<List<string>> SentNodesAsync(DurableJourneyHost app, string instanceId)
    {
        var sent = await app.Outbox.ListAsync(DurableJourneyHost.ContactId);
        foreach (var record in sent)
        {
            Assert.Equal(LedgerStatus.Sent, (await app.Storage.Ledger.GetAsync(record.Message.MessageId))!.Status);
        }

        var timelineSends = (await app.Storage.Instances.ReadHistoryAsync(instanceId)).Count(h => h.Kind == HistoryKind.Sent);
        Assert.Equal(timelineSends, sent.Count);
        return sent.Select(r => r.Message.NodeId!).ToList();
    }
}
