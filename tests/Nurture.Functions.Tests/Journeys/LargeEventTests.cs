using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Queues;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Events larger than a queue message still reach waiting instances, read back from the timeline.</summary>
public sealed class LargeEventTests
{
    private const string Checkout = """{ "checkoutToken": "tok-1", "total": "80.00" }""";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AnOrderOfMoreThan64KiB_StillMeetsTheCheckoutGoal()
    {
        await using var app = await JourneyTestApp.StartAsync(TestStorageAccounts.IsolatedAzurite(), JourneyTestApp.AbandonedCheckout("01:00:00", "00:00:01"));
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        await WaitingAsync(app);
        var lines = Enumerable.Range(1, 600).Select(i => new { sku = $"SKU-{i:D5}", title = "Hand-poured soy candle, cedar and smoke, 240 g", quantity = 1 }).ToArray();
        var order = JsonSerializer.Serialize(new { checkoutToken = "tok-1", total = "80.00", lineItems = lines });
        Assert.False(QueueLimits.Fits(order), "the order must not fit in a queue message for this test to mean anything");

        await app.RaiseAsync("ev-order-1", "order.placed", order);

        await Eventually.HoldsAsync(
            async () => (await app.InstancesAsync()).Single().State.Status == JourneyStatus.Exited,
            Deadline,
            "the large order, matched by its checkout token, ended the journey");
        Assert.Contains("order placed", (await app.InstancesAsync()).Single().State.EndReason, StringComparison.Ordinal);
        Assert.Empty(await app.Outbox.ListAsync());
    }

    [Fact]
    public async Task AReferencedEventThatWasErased_MovesNothing()
    {
        await using var app = await JourneyTestApp.StartAsync(TestStorageAccounts.IsolatedAzurite(), JourneyTestApp.AbandonedCheckout("01:00:00", "00:00:01"));
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var waiting = await WaitingAsync(app);
        var gone = new CanonicalEvent("ev-order-gone", "order.placed", EventSource.Shopify, "k", DateTimeOffset.UtcNow, new ContactIdentity(JourneyTestApp.ContactId), JsonDocument.Parse("{}").RootElement.Clone());
        var runner = (JourneyRunner)app.Host.Services.GetService(typeof(JourneyRunner))!;

        await runner.AdvanceAsync(new JourneyWorkMessage(waiting.State.InstanceId, new EventArrivedTrigger(gone, DateTimeOffset.UtcNow), JourneyTestApp.ContactId));

        var after = (await app.InstancesAsync()).Single();
        Assert.Equal((JourneyStatus.Waiting, waiting.Decision), (after.State.Status, after.Decision));
    }

    private static async Task<Nurture.Storage.Journeys.StoredInstance> WaitingAsync(JourneyTestApp app) =>
        await Eventually.ValueAsync(
            async () => (await app.InstancesAsync()).SingleOrDefault(s => s.State.Status == JourneyStatus.Waiting && s.Pending.Count == 0),
            Deadline,
            "the instance waits on its first delay");

}
