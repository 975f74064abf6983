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
    public async Task Instance_SaveWithStaleETag_Conflicts_AndWritesNoHistory()
    {
        var store = new JourneyInstanceStore(Tables, Names);
        await store.InitializeAsync();
        var state = NewState();
        Assert.True(await store.CreateAsync(state, Now));
        Assert.False(await store.CreateAsync(state, Now));
        var loaded = (await store.LoadAsync(state.InstanceId))!;

        var started = state with { Status = JourneyStatus.Waiting, StartedAt = Now, CurrentNodeId = "wait_1h" };
        var wake = new ScheduleWakeUp(state.InstanceId, "wait_1h#1/delay/0", Now.AddHours(1));
        var saved = await store.SaveDecisionAsync(loaded, started, [new HistoryEntry(Now, HistoryKind.Started, "started")], [wake], Now);
        await Assert.ThrowsAsync<InstanceSaveConflictException>(() =>
            store.SaveDecisionAsync(loaded, started with { Status = JourneyStatus.Cancelled }, [new HistoryEntry(Now, HistoryKind.Ended, "lost race")], [], Now));

        var reloaded = (await store.LoadAsync(state.InstanceId))!;
        Assert.Equal(JourneyStatus.Waiting, reloaded.State.Status);
        Assert.Equal(1, reloaded.Decision);
        Assert.Equal([wake], reloaded.Pending);
        Assert.Equal(saved.ETag, reloaded.ETag);
        Assert.Equal(["started"], (await store.ReadHistoryAsync(state.InstanceId)).Select(h => h.Message));
    }

    [Fact]
    public async Task Instance_ClearPending_ForgetsAppliedCommands_ButNotAfterAnotherWriter()
    {
        var store = new JourneyInstanceStore(Tables, Names);
        await store.InitializeAsync();
        var state = NewState();
        await store.CreateAsync(state, Now);
        var loaded = (await store.LoadAsync(state.InstanceId))!;
        var end = new EndInstance(state.InstanceId, JourneyStatus.Completed, "done");
        var saved = await store.SaveDecisionAsync(loaded, state with { Status = JourneyStatus.Completed }, [], [end], Now);

        var cleared = await store.ClearPendingAsync(saved, Now);
        Assert.NotNull(cleared);
        Assert.Empty((await store.LoadAsync(state.InstanceId))!.Pending);
        Assert.Null(await store.ClearPendingAsync(saved, Now));
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
