using Azure.Data.Tables;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Journeys;

/// <summary>Definition and instance stores, on Azurite.</summary>
public sealed partial class JourneyStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private TableServiceClient Tables { get; } = StorageTestEnvironment.Account.Tables;

    private JourneyStorageNames Names { get; } = new("T" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Publish_StoresImmutableVersions_AndRepublishingTheSameDocumentIsIdempotent()
    {
        var store = new JourneyDefinitionStore(Tables, Names);
        await store.InitializeAsync();
        var v1 = JourneyExamples.Load("abandoned-checkout");
        var v2 = v1 with { Version = 2, Name = "Abandoned checkout, shorter" };

        Assert.Equal(PublishOutcome.Published, await store.PublishAsync(v1));
        Assert.Equal(PublishOutcome.AlreadyPublished, await store.PublishAsync(v1));
        Assert.Equal(PublishOutcome.Published, await store.PublishAsync(v2));
        var conflict = await Assert.ThrowsAsync<JourneyVersionConflictException>(() => store.PublishAsync(v1 with { Name = "changed" }));

        Assert.Equal(1, conflict.Version);
        Assert.Equal([1, 2], await store.ListVersionsAsync(v1.Id));
        Assert.Equal("Abandoned checkout", (await new JourneyDefinitionStore(Tables, Names).GetVersionAsync(v1.Id, 1))!.Name);
        Assert.Equal(2, (await store.GetLatestAsync(v1.Id))!.Version);
        Assert.Null(await store.GetVersionAsync(v1.Id, 3));
    }

    [Fact]
    public async Task Catalog_ListsEventEnteredJourneysByType_AndLeavesOutPausedOnes()
    {
        var store = new JourneyDefinitionStore(Tables, Names);
        await store.InitializeAsync();
        var checkout = JourneyExamples.Load("abandoned-checkout");
        await store.PublishAsync(checkout);
        await store.PublishAsync(JourneyExamples.Load("flash-sale"));

        var entered = await store.ListEnteredByAsync("checkout.updated");
        Assert.Equal([checkout.Id], entered.Select(e => e.JourneyId));
        Assert.Equal(EntryKind.Event, entered[0].EntryKind);

        Assert.True(await store.SetPausedAsync(checkout.Id, true));
        Assert.Empty(await store.ListEnteredByAsync("checkout.updated"));
        Assert.False(await store.SetPausedAsync("never-published", true));
        Assert.Equal(2, (await store.ListJourneysAsync()).Count);
    }

    [Fact]
    public async Task Draft_IsReplacedOnSave()
    {
        var store = new JourneyDefinitionStore(Tables, Names);
        await store.InitializeAsync();
        var draft = JourneyExamples.Load("welcome-series");

        await store.SaveDraftAsync(draft);
        await store.SaveDraftAsync(draft with { Name = "Welcome, edited" });

        Assert.Equal("Welcome, edited", (await store.GetDraftAsync(draft.Id))!.Name);
        Assert.Null(await store.GetDraftAsync("no-such-journey"));
    }

    [Fact]
    public async Task Instance_RecordDecision_KeepsTheLatestState_AndEveryDecisionsTimelineOnce()
    {
        var store = new JourneyInstanceStore(Tables, Names);
        await store.InitializeAsync();
        var state = NewState();
        Assert.Null(await store.LoadAsync(state.InstanceId));

        var started = state with { Status = JourneyStatus.Waiting, StartedAt = Now, CurrentNodeId = "wait_1h" };
        await store.RecordDecisionAsync(started, 1, [new HistoryEntry(Now, HistoryKind.Started, "started")], Now);
        await store.RecordDecisionAsync(started, 1, [new HistoryEntry(Now, HistoryKind.Started, "started")], Now);
        var ended = started with { Status = JourneyStatus.Completed, EndedAt = Now.AddHours(1) };
        await store.RecordDecisionAsync(ended, 2, [new HistoryEntry(Now.AddHours(1), HistoryKind.Ended, "done")], Now.AddHours(1));

        var recorded = (await store.LoadAsync(state.InstanceId))!;
        Assert.Equal(JourneyStatus.Completed, recorded.State.Status);
        Assert.Equal(2, recorded.Decision);
        Assert.Equal(["started", "done"], (await store.ReadHistoryAsync(state.InstanceId)).Select(h => h.Message));
    }

    [Fact]
    public async Task Instance_RecordDecision_OfAnOlderDecisionAfterANewerOne_KeepsTheNewerState_AndWritesItsTimeline()
    {
        var store = new JourneyInstanceStore(Tables, Names);
        await store.InitializeAsync();
        var state = NewState();
        var waiting = state with { Status = JourneyStatus.Waiting, StartedAt = Now, CurrentNodeId = "wait_1h" };
        var ended = waiting with { Status = JourneyStatus.Completed, EndedAt = Now.AddHours(1) };

        // Decision 2 first, then a re-run of decision 1's activity (a crashed worker's message delivered again).
        await store.RecordDecisionAsync(ended, 2, [new HistoryEntry(Now.AddHours(1), HistoryKind.Ended, "done")], Now.AddHours(1));
        await store.RecordDecisionAsync(waiting, 1, [new HistoryEntry(Now, HistoryKind.Started, "started")], Now.AddHours(2));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.RecordDecisionAsync(waiting, 1, [new HistoryEntry(Now, HistoryKind.Started, "started")], Now.AddHours(2))));

        var recorded = (await store.LoadAsync(state.InstanceId))!;
        Assert.Equal((JourneyStatus.Completed, 2), (recorded.State.Status, recorded.Decision));
        Assert.Equal(["started", "done"], (await store.ReadHistoryAsync(state.InstanceId)).Select(h => h.Message));
    }

    [Fact]
    public async Task Instance_Delete_RemovesStateAndTimeline_AndRepeatingItDoesNothing()
    {
        var store = new JourneyInstanceStore(Tables, Names);
        await store.InitializeAsync();
        var state = NewState();
        await store.RecordDecisionAsync(state with { Status = JourneyStatus.Waiting }, 1, [new HistoryEntry(Now, HistoryKind.Started, "started")], Now);

        await store.DeleteAsync(state.InstanceId);
        await store.DeleteAsync(state.InstanceId);

        Assert.Null(await store.LoadAsync(state.InstanceId));
        Assert.Empty(await store.ReadHistoryAsync(state.InstanceId));
    }

    [Fact]
    public async Task ContactIndex_KeepsTheFirstRow_UpdatesStatus_AndFiltersLiveAndJourney()
    {
        var store = new JourneyInstanceStore(Tables, Names);
        await store.InitializeAsync();
        var contact = "c-" + Guid.NewGuid().ToString("N");
        var a = new ContactInstance(contact, "ji-a", "journey-a", 1, "tok-1", Now, JourneyStatus.Pending);
        var b = new ContactInstance(contact, "ji-b", "journey-b", 3, null, Now, JourneyStatus.Pending);
        await store.IndexAsync(a);
        await store.IndexAsync(b);
        await store.UpdateIndexAsync(a with { Status = JourneyStatus.Exited });
        await store.IndexAsync(a);

        var all = await store.ListForContactAsync(contact);
        Assert.Equal(2, all.Count);
        Assert.Equal(["ji-b"], (await store.ListForContactAsync(contact, liveOnly: true)).Select(i => i.InstanceId));
        var onlyA = Assert.Single(await store.ListForContactAsync(contact, journeyId: "journey-a"));
        Assert.Equal(new Core.Journeys.Entry.PriorInstance("ji-a", "tok-1", Now, false), onlyA.ToPrior());
    }

    private static JourneyState NewState() =>
        new("ji-" + Guid.NewGuid().ToString("N"), "abandoned-checkout", 1, "c-1", JourneyStatus.Pending, "tok-1");
}
