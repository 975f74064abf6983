using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nurture.Channels.Sending;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>The runner driven by hand on a manual clock: races and failures placed exactly where they hurt.</summary>
public sealed class JourneyRunnerRaceTests
{
    private const string ContactId = "c-race";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly TestStorageAccounts _accounts;
    private readonly JourneyStorage _storage;

    public JourneyRunnerRaceTests()
    {
        _accounts = TestStorageAccounts.IsolatedAzurite();
        _storage = new JourneyStorage(_accounts, _clock);
    }

    [Fact]
    public async Task GoalEventArrivingWhileAWakeUpIsBeingDecided_WinsTheRace_AndNothingIsSent()
    {
        var instanceId = await StartedInstanceAsync();
        var timer = (await _storage.Instances.LoadAsync(instanceId))!.State.Timer!;
        _clock.Advance(TimeSpan.FromHours(1));
        var gate = new GatedContacts(_storage.Contacts);

        var wakeUp = Runner(gate).AdvanceAsync(new JourneyWorkMessage(instanceId, new WakeUpTrigger(timer.TimerId, timer.DueAt)));
        await gate.Entered;
        await Runner(_storage.Contacts).AdvanceAsync(new JourneyWorkMessage(instanceId, new EventArrivedTrigger(Order(), _clock.GetUtcNow())));
        gate.Release();
        await wakeUp;

        var stored = (await _storage.Instances.LoadAsync(instanceId))!;
        Assert.Equal(JourneyStatus.Exited, stored.State.Status);
        Assert.Empty(stored.Pending);
        Assert.Empty(await _storage.Outbox.ListAsync());
        Assert.DoesNotContain(await _storage.Instances.ReadHistoryAsync(instanceId), h => h.Kind == HistoryKind.Sent);
    }

    [Fact]
    public async Task TransientChannelFailure_KeepsTheSendPending_AndTheRedeliveryCompletesItOnce()
    {
        var instanceId = await StartedInstanceAsync();
        var timer = (await _storage.Instances.LoadAsync(instanceId))!.State.Timer!;
        _clock.Advance(TimeSpan.FromHours(1));
        var calls = 0;
        var channel = new Mock<IMessageChannel>();
        channel.Setup(c => c.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()))
            .Returns((OutboundMessage m, CancellationToken ct) => ++calls == 1
                ? Task.FromResult(ChannelSendResult.Transient("429 from provider"))
                : _storage.Outbox.SendAsync(m, ct));
        var runner = Runner(_storage.Contacts, channel.Object);
        var wakeUp = new JourneyWorkMessage(instanceId, new WakeUpTrigger(timer.TimerId, timer.DueAt));

        await Assert.ThrowsAsync<ChannelTransientException>(() => runner.AdvanceAsync(wakeUp));
        var afterFailure = (await _storage.Instances.LoadAsync(instanceId))!;
        var pendingSend = Assert.Single(afterFailure.Pending.OfType<SendMessage>());
        Assert.Equal(LedgerStatus.Reserved, (await _storage.Ledger.GetAsync(pendingSend.MessageId))!.Status);

        await runner.AdvanceAsync(wakeUp);
        await runner.AdvanceAsync(wakeUp);

        var record = Assert.Single(await _storage.Outbox.ListAsync());
        Assert.Equal(pendingSend.MessageId, record.Message.MessageId);
        Assert.Equal(LedgerStatus.Sent, (await _storage.Ledger.GetAsync(pendingSend.MessageId))!.Status);
        var stored = (await _storage.Instances.LoadAsync(instanceId))!;
        Assert.Empty(stored.Pending);
        Assert.Equal("wait_1d", stored.State.CurrentNodeId);
        channel.Verify(c => c.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task SendHeldByAnotherAttempt_PutsTheTriggerBack_AndSendsOnceAfterTheLease()
    {
        var instanceId = await StartedInstanceAsync();
        var timer = (await _storage.Instances.LoadAsync(instanceId))!.State.Timer!;
        _clock.Advance(TimeSpan.FromHours(1));
        var messageId = Core.Journeys.JourneyIds.MessageId(instanceId, "email_reminder", 1);
        Assert.Equal(ReserveOutcome.Reserved, await _storage.Ledger.ReserveAsync(messageId, ContactId, MessageChannel.Email, true, _clock.GetUtcNow()));
        var queue = _accounts.Queues.GetQueueClient(JourneyWorkQueue.QueueName);
        var queuedBefore = await queue.GetApproximateMessageCountAsync();
        var wakeUp = new JourneyWorkMessage(instanceId, new WakeUpTrigger(timer.TimerId, timer.DueAt));

        await Runner(_storage.Contacts).AdvanceAsync(wakeUp);

        Assert.Empty(await _storage.Outbox.ListAsync());
        Assert.Single((await _storage.Instances.LoadAsync(instanceId))!.Pending.OfType<SendMessage>());
        Assert.Equal(queuedBefore + 1, await queue.GetApproximateMessageCountAsync());

        _clock.Advance(SendLedger.DefaultAttemptLease);
        await Runner(_storage.Contacts).AdvanceAsync(wakeUp);

        Assert.Equal(messageId, Assert.Single(await _storage.Outbox.ListAsync()).Message.MessageId);
        Assert.Empty((await _storage.Instances.LoadAsync(instanceId))!.Pending);
    }

    /// <summary>Triggers that change nothing leave one Ignored line per distinct trigger and decision.</summary>
    [Fact]
    public async Task RedeliveredStart_IsRecordedOnceAsIgnored_AfterTheDecisionItMet_AndChangesNothingElse()
    {
        var instanceId = await StartedInstanceAsync();
        var stateBefore = (await _storage.Instances.LoadAsync(instanceId))!;
        var historyBefore = await _storage.Instances.ReadHistoryAsync(instanceId);
        var duplicate = new JourneyWorkMessage(instanceId, new StartTrigger(Start));

        await Runner(_storage.Contacts).AdvanceAsync(duplicate);
        await Runner(_storage.Contacts).AdvanceAsync(duplicate);
        await Runner(_storage.Contacts).AdvanceAsync(new JourneyWorkMessage(instanceId, new WakeUpTrigger("not-a-timer", Start)));

        var history = await _storage.Instances.ReadHistoryAsync(instanceId);
        var stateAfter = (await _storage.Instances.LoadAsync(instanceId))!;
        Assert.Equal(historyBefore, history.Take(historyBefore.Count));
        var ignored = history.Skip(historyBefore.Count).ToList();
        Assert.Equal(2, ignored.Count);
        Assert.All(ignored, h => Assert.Equal(HistoryKind.Ignored, h.Kind));
        Assert.Single(ignored, h => h.Message.StartsWith(nameof(StartTrigger), StringComparison.Ordinal));
        Assert.Single(ignored, h => h.Message.StartsWith(nameof(WakeUpTrigger), StringComparison.Ordinal));
        Assert.Equal(stateBefore.ETag, stateAfter.ETag);
        Assert.Equal(stateBefore.Decision, stateAfter.Decision);
    }

    [Fact]
    public async Task EventsNoGoalOrWaitListensFor_NeitherReachTheInstance_NorLeaveAnIgnoredLine()
    {
        var instanceId = await StartedInstanceAsync();
        var queue = _accounts.Queues.GetQueueClient(JourneyWorkQueue.QueueName);
        var router = new JourneyEventRouter(_storage, _storage.Contacts, new JourneyStarter(_storage, NullLogger<JourneyStarter>.Instance), _clock, NullLogger<JourneyEventRouter>.Instance);
        var queuedBefore = await queue.GetApproximateMessageCountAsync();
        var historyBefore = await _storage.Instances.ReadHistoryAsync(instanceId);

        await router.OfferAsync(ContactId, Event("ev-view", "page_viewed"));
        var afterPageView = await queue.GetApproximateMessageCountAsync();
        await Runner(_storage.Contacts).AdvanceAsync(new JourneyWorkMessage(instanceId, new EventArrivedTrigger(Event("ev-view", "page_viewed"), _clock.GetUtcNow())));
        await router.OfferAsync(ContactId, Order());

        Assert.Equal(queuedBefore, afterPageView);
        Assert.Equal(historyBefore, await _storage.Instances.ReadHistoryAsync(instanceId));
        Assert.Equal(queuedBefore + 1, await queue.GetApproximateMessageCountAsync());
    }

    private async Task<string> StartedInstanceAsync()
    {
        await _storage.EnsureCreatedAsync();
        await _storage.Definitions.PublishAsync(JourneyTestApp.AbandonedCheckout("01:00:00", "1.00:00:00"));
        await _storage.Templates.SaveAsync(new Channels.Templates.MessageTemplate("abandoned-checkout-email", "Your cart", "Cart"));
        var consent = new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Granted };
        await _storage.Contacts.SaveAsync(new JourneyRecipient(new JourneyContact(ContactId, "UTC", Consent: consent, HasEmail: true), "ana@example.com"));
        var router = new JourneyEventRouter(_storage, _storage.Contacts, new JourneyStarter(_storage, NullLogger<JourneyStarter>.Instance), _clock, NullLogger<JourneyEventRouter>.Instance);
        await router.OfferAsync(ContactId, Event("ev-checkout", "checkout.updated"));
        var instanceId = Assert.Single(await _storage.Instances.ListForContactAsync(ContactId)).InstanceId;
        await Runner(_storage.Contacts).AdvanceAsync(new JourneyWorkMessage(instanceId, new StartTrigger(_clock.GetUtcNow())));
        Assert.Equal(JourneyStatus.Waiting, (await _storage.Instances.LoadAsync(instanceId))!.State.Status);
        return instanceId;
    }

    private JourneyRunner Runner(IJourneyContactSource contacts, IMessageChannel? channel = null) => new(
        _storage,
        contacts,
        channel ?? _storage.Outbox,
        new MessageComposer(_storage.Templates),
        SendPolicyOptions.Default,
        _clock,
        NullLogger<JourneyRunner>.Instance);

    private CanonicalEvent Order() => Event("ev-order", "order.placed");

    private CanonicalEvent Event(string id, string type) => new(
        id,
        type,
        EventSource.Shopify,
        id,
        _clock.GetUtcNow(),
        new ContactIdentity(ContactId),
        JsonDocument.Parse("""{ "checkoutToken": "tok-9", "total": 120 }""").RootElement.Clone());
}
