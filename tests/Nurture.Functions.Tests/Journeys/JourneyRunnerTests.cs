using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Hosting;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Journeys end to end on the real host: ingestion's seam in, the outbox out.</summary>
public sealed class JourneyRunnerTests
{
    private const string Checkout = """{ "checkoutToken": "tok-1", "total": "80.00" }""";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    /// <summary>Fresh storage for one test; <paramref name="duplicateQueueSends"/> delivers every journey-work message twice.</summary>
    private static IStorageAccounts CreateStorage(bool duplicateQueueSends = false) => TestStorageAccounts.IsolatedAzurite(duplicateQueueSends);

    [Fact]
    public async Task AbandonedCheckout_WalksItsDelays_AndSendsOneEmailThenOneSms()
    {
        await using var app = await JourneyTestApp.StartAsync(CreateStorage(), JourneyTestApp.AbandonedCheckout("00:00:01", "00:00:01"));

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);

        var state = await CompletedAsync(app);
        var sent = await app.Outbox.ListAsync(JourneyTestApp.ContactId);
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], sent.Select(r => r.Message.Channel));
        Assert.Equal("Ana, you left something", sent[0].Message.Subject);
        Assert.Equal("Hi Ana, your cart is waiting.", sent[0].Message.Body);
        Assert.Equal("ana@example.com", sent[0].Message.To);
        Assert.Equal("+15550123", sent[1].Message.To);
        Assert.Equal("tok-1", state.InstanceKey);
        var history = await app.Storage.Instances.ReadHistoryAsync(state.InstanceId);
        var emailDecidedAt = history.First(h => h.Kind == HistoryKind.Sent).At;
        Assert.True(sent[1].RecordedAt >= emailDecidedAt.AddSeconds(1), "the SMS waited for the second delay");
        Assert.Equal(2, history.Count(h => h.Kind == HistoryKind.Sent));
        Assert.Equal(HistoryKind.Ended, history[^1].Kind);
        foreach (var record in sent)
        {
            Assert.Equal(LedgerStatus.Sent, (await app.Storage.Ledger.GetAsync(record.Message.MessageId))!.Status);
        }
    }

    [Fact]
    public async Task OrderForTheSameCheckout_EndsTheJourney_BeforeTheFirstSend()
    {
        await using var app = await JourneyTestApp.StartAsync(CreateStorage(), JourneyTestApp.AbandonedCheckout("00:00:03", "00:00:01"));
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        var waiting = await StatusAsync(app, JourneyStatus.Waiting);

        await app.RaiseAsync("ev-order-1", "order.placed", """{ "checkoutToken": "tok-1", "total": "80.00" }""");

        var exited = await StatusAsync(app, JourneyStatus.Exited);
        Assert.Contains("order placed", exited.EndReason, StringComparison.Ordinal);

        // The instance's 3 s timer still fires; wait until it has been delivered and handled.
        var due = waiting.Timer!.DueAt;
        await Eventually.HoldsAsync(
            async () => DateTimeOffset.UtcNow > due.AddSeconds(1) && await WorkQueueIsEmptyAsync(app),
            Deadline,
            "the exited instance's wake-up was handled");
        Assert.Empty(await app.Outbox.ListAsync());
        Assert.Equal(JourneyStatus.Exited, (await app.InstancesAsync()).Single().State.Status);
        Assert.Empty(await app.Storage.Instances.ListForContactAsync(JourneyTestApp.ContactId, liveOnly: true));
    }

    [Fact]
    public async Task EveryMessageDeliveredTwice_StillSendsEachMessageOnce()
    {
        await using var app = await JourneyTestApp.StartAsync(CreateStorage(duplicateQueueSends: true), JourneyTestApp.AbandonedCheckout("00:00:01", "00:00:01"));

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);

        await CompletedAsync(app);
        await Eventually.HoldsAsync(() => WorkQueueIsEmptyAsync(app), Deadline, "every duplicate was handled");
        var sent = await app.Outbox.ListAsync();
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], sent.Select(r => r.Message.Channel));
        Assert.Single(await app.InstancesAsync());
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 4)]
    public async Task CrashAfterTheChannelAcceptedButBeforeTheLedgerKnew_StillEndsWithOneSendEach(bool channelFindsAccepted, int expectedCalls)
    {
        CrashingChannel? channel = null;
        await using var app = await JourneyTestApp.StartAsync(
            CreateStorage(),
            JourneyTestApp.AbandonedCheckout("00:00:01", "00:00:01"),
            outbox => channel = new CrashingChannel(() => outbox, channelFindsAccepted));

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", Checkout);

        await CompletedAsync(app);
        var sent = await app.Outbox.ListAsync();
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

    private static async Task<JourneyState> CompletedAsync(JourneyTestApp app) => await StatusAsync(app, JourneyStatus.Completed);

    private static async Task<JourneyState> StatusAsync(JourneyTestApp app, JourneyStatus status)
    {
        JourneyState? found = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                // Pending side effects (the last send) are applied after the state is saved: wait for them too.
                found = (await app.InstancesAsync()).SingleOrDefault(s => s.State.Status == status && s.Pending.Count == 0)?.State;
                return found is not null;
            },
            Deadline,
            $"the instance is {status} with nothing left to apply");
        return found!;
    }

    private static async Task<bool> WorkQueueIsEmptyAsync(JourneyTestApp app)
    {
        var accounts = app.Host.Services.GetService(typeof(IStorageAccounts)) as IStorageAccounts;
        var queue = accounts!.GetQueueService(Storage.Connections.StorageConnectionSettings.DefaultConnectionName).GetQueueClient(Nurture.Functions.Journeys.JourneyWorkQueue.QueueName);
        return await queue.GetApproximateMessageCountAsync() == 0;
    }
}
