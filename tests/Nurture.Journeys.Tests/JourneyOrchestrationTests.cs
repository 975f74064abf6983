using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Journeys.Tests.Infrastructure;
using Nurture.Storage.Journeys;

namespace Nurture.Journeys.Tests;

/// <summary>Journeys on the real orchestration and activities (Durable's in-process host), with compressed time.</summary>
public sealed class JourneyOrchestrationTests
{
    private const string Checkout = """{ "checkoutToken": "tok-1", "total": "80.00" }""";

    [Fact]
    public async Task AbandonedCheckout_WaitsItsDelays_AndSendsOneEmailThenOneSms()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("abandoned-checkout", "00:00:01", "00:00:02")]);

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instance = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId));
        var outcome = await app.CompletedAsync(instance.InstanceId);

        Assert.Equal(JourneyStatus.Completed, outcome.Status);
        var sent = await app.Outbox.ListAsync(DurableJourneyHost.ContactId);
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], sent.Select(r => r.Message.Channel));
        Assert.Equal("ana@example.com", sent[0].Message.To);
        Assert.Equal("+15550123", sent[1].Message.To);
        var timeline = await app.Storage.Instances.ReadHistoryAsync(instance.InstanceId);
        var emailDecidedAt = timeline.First(h => h.Kind == HistoryKind.Sent).At;
        Assert.True(sent[1].RecordedAt >= emailDecidedAt.AddSeconds(2), "the SMS waited for the second delay");
        Assert.Equal(2, timeline.Count(h => h.Kind == HistoryKind.Sent));
        Assert.Equal(HistoryKind.Ended, timeline[^1].Kind);
        foreach (var record in sent)
        {
            Assert.Equal(LedgerStatus.Sent, (await app.Storage.Ledger.GetAsync(record.Message.MessageId))!.Status);
        }

        var indexed = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId));
        Assert.Equal(JourneyStatus.Completed, indexed.Status);
    }

    [Fact]
    public async Task OrderForTheSameCheckout_EndsTheJourneyMidWait_BeforeTheFirstSend()
    {
        await using var app = await DurableJourneyHost.StartAsync([TestJourneys.WithDurations("abandoned-checkout", "00:00:30", "00:00:01")]);
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var instance = Assert.Single(await app.Storage.Instances.ListForContactAsync(DurableJourneyHost.ContactId));

        await app.RaiseAsync("ev-order-1", "order.placed", """{ "checkoutToken": "tok-1", "orderId": "o-1" }""");
        var outcome = await app.CompletedAsync(instance.InstanceId, TimeSpan.FromSeconds(20));

        Assert.Equal(JourneyStatus.Exited, outcome.Status);
        Assert.Empty(await app.Outbox.ListAsync(DurableJourneyHost.ContactId));
    }
}
