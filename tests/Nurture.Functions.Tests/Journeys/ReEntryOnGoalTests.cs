using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Re-entry through a goal on the local host: a reorder ends the running reminder and starts the next.</summary>
public sealed class ReEntryOnGoalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AReorder_EndsTheRunningReplenishmentReminder_AndStartsTheNextOne()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyExamples.Load("replenishment")]);

        await app.RaiseAsync("ev-order-1", "order.placed", """{ "orderId": "1001", "replenishable": true }""");
        var first = await Eventually.ValueAsync(
            async () => (await app.InstancesAsync()).Where(s => s.Recorded?.State.Status == JourneyStatus.Waiting).Select(s => s.InstanceId).SingleOrDefault(),
            Deadline,
            "the first order started a reminder that waits out the purchase cycle");

        await app.RaiseAsync("ev-order-2", "order.placed", """{ "orderId": "1002", "replenishable": true }""");

        await Eventually.HoldsAsync(
            async () =>
            {
                var all = await app.InstancesAsync();
                return all.Count == 2
                    && all.Single(s => s.InstanceId == first).Recorded?.State.Status == JourneyStatus.Exited
                    && all.Single(s => s.InstanceId != first).Recorded?.State.Status == JourneyStatus.Waiting;
            },
            Deadline,
            "the reorder ended the first reminder and started a second");
        var instances = await app.InstancesAsync();
        var ended = instances.Single(s => s.InstanceId == first).Recorded!.State;
        var next = instances.Single(s => s.InstanceId != first).Recorded!.State;
        Assert.Contains("goal 'reordered'", ended.EndReason, StringComparison.Ordinal);
        Assert.Equal("ev-order-2", next.Entry!.EventId);
        await Eventually.HoldsAsync(
            async () => (await app.Storage.Instances.ListForContactAsync(JourneyTestApp.ContactId, liveOnly: true)).Count == 1,
            Deadline,
            "one live instance in the contact index");

        // The same reorder delivered again starts nothing more.
        await app.RaiseAsync("ev-order-2", "order.placed", """{ "orderId": "1002", "replenishable": true }""");
        Assert.Equal(2, (await app.InstancesAsync()).Count);
        Assert.Empty(await app.Outbox.ListAsync());
    }
}
