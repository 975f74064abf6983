using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Journeys;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Journeys.Tests.Infrastructure;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Journeys.Tests;

/// <summary>Pause, resume and cancel, raised as signals while an instance waits.</summary>
public sealed class JourneyControlTests
{
    private const string Checkout = """{ "checkoutToken": "tok-1", "total": "80.00" }""";

    [Fact]
    public async Task Cancel_WhileWaiting_EndsTheInstance_AndNothingIsSent()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("abandoned-checkout", "00:00:30", "00:00:01")]);
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instanceId = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).InstanceId;
        await WaitForAsync(app, instanceId, HistoryKind.Waiting);

        await Signals(app).RaiseControlAsync(app.Client, instanceId, JourneySignalKind.Cancel, "cancelled by a test", CancellationToken.None);
        var outcome = await app.CompletedAsync(instanceId, TimeSpan.FromSeconds(20));

        Assert.Equal(JourneyStatus.Cancelled, outcome.Status);
        Assert.Equal("cancelled by a test", outcome.Reason);
        Assert.Empty(await app.Outbox.ListAsync(DurableJourneyHost.ContactId));
        Assert.Equal(JourneyStatus.Cancelled, Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).Status);
    }

    [Fact]
    public async Task Pause_HoldsATimerThatFallsDue_AndResumeSendsOnlyThen()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("abandoned-checkout", "00:00:02", "00:00:01")]);
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instanceId = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).InstanceId;
        var waiting = await WaitForAsync(app, instanceId, HistoryKind.Waiting);
        var dueAt = (await app.Storage.Instances.LoadAsync(instanceId))!.State.Timer!.DueAt;

        await Signals(app).RaiseControlAsync(app.Client, instanceId, JourneySignalKind.Pause, null, CancellationToken.None);
        await WaitForAsync(app, instanceId, HistoryKind.Paused);

        // The condition under test is time itself: the timer's due time must pass while the instance is paused.
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > dueAt.AddSeconds(1)), TimeSpan.FromSeconds(10), "the paused timer to fall due");
        Assert.Empty(await app.Outbox.ListAsync(DurableJourneyHost.ContactId));
        var resumedAt = DateTimeOffset.UtcNow;
        await Signals(app).RaiseControlAsync(app.Client, instanceId, JourneySignalKind.Resume, null, CancellationToken.None);
        var outcome = await app.CompletedAsync(instanceId, TimeSpan.FromSeconds(30));

        Assert.Equal(JourneyStatus.Completed, outcome.Status);
        var sent = await app.Outbox.ListAsync(DurableJourneyHost.ContactId);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, record => Assert.True(record.RecordedAt >= resumedAt, "nothing was sent while paused"));
        var kinds = (await app.Storage.Instances.ReadHistoryAsync(instanceId)).Select(h => h.Kind).ToList();
        Assert.True(kinds.IndexOf(HistoryKind.Resumed) < kinds.IndexOf(HistoryKind.Sent), string.Join(", ", kinds));
        Assert.True(waiting.At < dueAt);
    }

    private static JourneySignals Signals(DurableJourneyHost app) => app.Services.GetRequiredService<JourneySignals>();

    private static Task<HistoryEntry> WaitForAsync(DurableJourneyHost app, string instanceId, HistoryKind kind) =>
        Poll.UntilAsync(
            async () => (await app.Storage.Instances.ReadHistoryAsync(instanceId)).FirstOrDefault(h => h.Kind == kind),
            TimeSpan.FromSeconds(20),
            $"a {kind} line on the timeline");
}
