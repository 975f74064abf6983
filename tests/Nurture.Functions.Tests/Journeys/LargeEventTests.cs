using System.Text.Json;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Queues;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Events larger than a queue message still reach waiting instances on the local host, read back from the timeline.</summary>
public sealed class LargeEventTests
{
    private const string Checkout = """{ "checkoutToken": "tok-1", "total": "80.00" }""";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AnOrderOfMoreThan64KiB_StillMeetsTheCheckoutGoal()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyTestApp.AbandonedCheckout("01:00:00", "00:00:01")]);
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instanceId = await WaitingAsync(app);
        var lines = Enumerable.Range(1, 600).Select(i => new { sku = $"SKU-{i:D5}", title = "Hand-poured soy candle, cedar and smoke, 240 g", quantity = 1 }).ToArray();
        var order = JsonSerializer.Serialize(new { checkoutToken = "tok-1", total = "80.00", lineItems = lines });
        Assert.False(QueueLimits.Fits(order), "the order must not fit in a queue message for this test to mean anything");

        await app.RaiseAsync("ev-order-1", "order.placed", order);

        await app.EndedAsync(instanceId);
        var state = (await app.Storage.Instances.LoadAsync(instanceId))!.State;
        Assert.Equal(JourneyStatus.Exited, state.Status);
        Assert.Contains("order placed", state.EndReason, StringComparison.Ordinal);
        Assert.Empty(await app.Outbox.ListAsync());
    }

    [Fact]
    public async Task AnEventNotOnTheTimeline_ErasedOrNeverStored_MovesNothing()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyTestApp.AbandonedCheckout("00:00:03", "00:00:01")]);
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instanceId = await WaitingAsync(app);
        var before = (await app.Storage.Instances.LoadAsync(instanceId))!;

        // Big enough to travel by reference: the instance reads it back from the timeline, where it is not.
        var lines = Enumerable.Range(1, 600).Select(i => new { sku = $"SKU-{i:D5}", title = "Hand-poured soy candle, cedar and smoke, 240 g", quantity = 1 }).ToArray();
        await app.RaiseAsync("ev-order-gone", "order.placed", JsonSerializer.Serialize(new { checkoutToken = "tok-1", total = "80.00", lineItems = lines }), store: false);

        // The journey goes on as if the order never came: its reminder is sent after the delay.
        await app.EndedAsync(instanceId);
        var after = (await app.Storage.Instances.LoadAsync(instanceId))!.State;
        Assert.Equal(JourneyStatus.Waiting, before.State.Status);
        Assert.DoesNotContain("order placed", after.EndReason ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEmpty(await app.Outbox.ListAsync());
    }

    private static Task<string> WaitingAsync(JourneyTestApp app) =>
        Eventually.ValueAsync(
            async () => (await app.InstancesAsync()).Where(s => s.Recorded?.State.Status == JourneyStatus.Waiting).Select(s => s.InstanceId).SingleOrDefault(),
            Deadline,
            "the instance waits on its first delay");
}
