using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Journeys.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Journeys.Tests;

/// <summary>At-least-once everywhere: duplicate events and starts, crashes around the channel, outages and rejections.</summary>
public sealed class JourneyDeliveryTests
{
    private const string Checkout = """{ "checkoutToken": "tok-1", "total": "80.00" }""";

    [Fact]
    public async Task TheSameEventDeliveredAgain_StartsOneInstance_AndSendsEachMessageOnce()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("abandoned-checkout", "00:00:01", "00:00:01")]);

        // Concurrent copies are tested on the Azure Storage provider (the local host's engine): the in-memory test
        // backend does not dedupe two creations of one id racing each other.
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instance = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId));
        await app.CompletedAsync(instance.InstanceId);

        var sent = await app.Outbox.ListAsync(DurableJourneyHost.ContactId);
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], sent.Select(r => r.Message.Channel));
        Assert.Null(await app.StartAsync("abandoned-checkout", "ev-checkout-1"));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 4)]
    public async Task CrashAfterTheChannelAcceptedButBeforeTheLedgerKnew_StillEndsWithOneSendEach(bool channelFindsAccepted, int expectedCalls)
    {
        CrashingChannel? channel = null;
        await using var app = await DurableJourneyHost.StartAsync(
            [TestJourneys.WithDurations("abandoned-checkout", "00:00:01", "00:00:01")],
            outbox => channel = new CrashingChannel(() => outbox, channelFindsAccepted));

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        await app.CompletedAsync(Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).InstanceId);

        var sent = await app.Outbox.ListAsync(DurableJourneyHost.ContactId);
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], sent.Select(r => r.Message.Channel));

        // A channel that can find the first hand-over (the outbox can) is not called again; one that cannot tell is
        // called again under the same id, and deduping is left to it.
        Assert.Equal(expectedCalls, channel!.Calls);
        foreach (var record in sent)
        {
            var entry = (await app.Storage.Ledger.GetAsync(record.Message.MessageId))!;
            Assert.Equal(LedgerStatus.Sent, entry.Status);
            Assert.Equal(2, entry.Attempts);
        }
    }

    [Fact]
    public async Task AProviderOutage_MakesTheInstanceWaitAndRetry_ThenEverythingIsSentOnce()
    {
        OutageChannel? channel = null;
        await using var app = await DurableJourneyHost.StartAsync(
            [TestJourneys.WithDurations("abandoned-checkout", "00:00:01", "00:00:01")],
            outbox => channel = new OutageChannel(() => outbox));

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instanceId = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).InstanceId;
        // The channel is built when the first send activity asks for it, so it may not exist yet.
        await Poll.UntilAsync(() => Task.FromResult(channel is { Refused: >= 3 }), TimeSpan.FromSeconds(30), "three refused tries");
        Assert.Empty(await app.Outbox.ListAsync(DurableJourneyHost.ContactId));
        channel!.Restore();
        var outcome = await app.CompletedAsync(instanceId);

        Assert.Equal(JourneyStatus.Completed, outcome.Status);
        var sent = await app.Outbox.ListAsync(DurableJourneyHost.ContactId);
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], sent.Select(r => r.Message.Channel));
        Assert.DoesNotContain(await app.Storage.Instances.ReadHistoryAsync(instanceId), h => h.Kind == HistoryKind.SendResult);
    }

    [Fact]
    public async Task AnOutageLongerThanTheRetryLimit_IsRecordedAsAFailedSend_AndTheInstanceStillFinishes()
    {
        await using var app = await DurableJourneyHost.StartAsync(
            [TestJourneys.WithDurations("abandoned-checkout", "00:00:01", "00:00:01")],
            outbox => new OutageChannel(() => outbox),
            new Dictionary<string, string?> { ["Journeys:SendRetryLimit"] = "00:00:03" });

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instanceId = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).InstanceId;
        var outcome = await app.CompletedAsync(instanceId);

        Assert.Equal(JourneyStatus.Completed, outcome.Status);
        var results = (await app.Storage.Instances.ReadHistoryAsync(instanceId)).Where(h => h.Kind == HistoryKind.SendResult).ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("failed", r.Message, StringComparison.Ordinal));
        Assert.Empty(await app.Outbox.ListAsync(DurableJourneyHost.ContactId));
    }

    [Fact]
    public async Task APermanentRejection_IsAnOutcomeOnTheTimeline_AndTheLedger_NeverARetry()
    {
        var channel = new RejectingChannel();
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("abandoned-checkout", "00:00:01", "00:00:01")], _ => channel);

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instanceId = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId)).InstanceId;
        var outcome = await app.CompletedAsync(instanceId);

        Assert.Equal(JourneyStatus.Completed, outcome.Status);
        Assert.Equal(2, channel.Calls);
        var timeline = await app.Storage.Instances.ReadHistoryAsync(instanceId);
        var results = timeline.Where(h => h.Kind == HistoryKind.SendResult).ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("invalid recipient", r.Message, StringComparison.Ordinal));
        foreach (var sent in timeline.Where(h => h.Kind == HistoryKind.Sent))
        {
            Assert.Equal(LedgerStatus.Failed, (await app.Storage.Ledger.GetAsync(sent.MessageId!))!.Status);
        }
    }
}
