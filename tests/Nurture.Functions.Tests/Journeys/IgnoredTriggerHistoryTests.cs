using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.InMemory;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Triggers that change nothing leave one <see cref="HistoryKind.Ignored"/> line per distinct trigger and decision.</summary>
public sealed class IgnoredTriggerHistoryTests
{
    private const string ContactId = "c-ignored";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly JourneyStorage _storage;

    public IgnoredTriggerHistoryTests() =>
        _storage = new JourneyStorage(new TestStorageAccounts(new InMemoryQueueService(_clock), new InMemoryTableService()), _clock);

    [Fact]
    public async Task RedeliveredStart_IsRecordedOnceAsIgnored_AfterTheDecisionItMet_AndChangesNothingElse()
    {
        var instanceId = await StartedInstanceAsync();
        var stateBefore = (await _storage.Instances.LoadAsync(instanceId))!;
        var historyBefore = await _storage.Instances.ReadHistoryAsync(instanceId);
        var duplicate = new JourneyWorkMessage(instanceId, new StartTrigger(Start));

        await Runner().AdvanceAsync(duplicate);
        await Runner().AdvanceAsync(duplicate);
        await Runner().AdvanceAsync(new JourneyWorkMessage(instanceId, new WakeUpTrigger("not-a-timer", Start)));

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

    private async Task<string> StartedInstanceAsync()
    {
        await _storage.EnsureCreatedAsync();
        await _storage.Definitions.PublishAsync(JourneyTestApp.AbandonedCheckout("01:00:00", "1.00:00:00"));
        var consent = new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Granted };
        await _storage.Contacts.SaveAsync(new JourneyRecipient(new JourneyContact(ContactId, "UTC", Consent: consent, HasEmail: true), "ana@example.com"));
        var router = new JourneyEventRouter(_storage, _storage.Contacts, new JourneyStarter(_storage, NullLogger<JourneyStarter>.Instance), _clock, NullLogger<JourneyEventRouter>.Instance);
        var checkout = new CanonicalEvent(
            "ev-checkout",
            "checkout.updated",
            EventSource.Shopify,
            "ev-checkout",
            Start,
            new ContactIdentity(ContactId),
            JsonDocument.Parse("""{ "checkoutToken": "tok-1", "total": 120 }""").RootElement.Clone());
        await router.OfferAsync(ContactId, checkout);
        var instanceId = Assert.Single(await _storage.Instances.ListForContactAsync(ContactId)).InstanceId;
        await Runner().AdvanceAsync(new JourneyWorkMessage(instanceId, new StartTrigger(Start)));
        Assert.Equal(JourneyStatus.Waiting, (await _storage.Instances.LoadAsync(instanceId))!.State.Status);
        return instanceId;
    }

    private JourneyRunner Runner() => new(
        _storage,
        _storage.Contacts,
        _storage.Outbox,
        new MessageComposer(_storage.Templates),
        SendPolicyOptions.Default,
        _clock,
        NullLogger<JourneyRunner>.Instance);
}
