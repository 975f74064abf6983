using Nurture.Core.Metrics.Scoring;
using Nurture.Storage.Metrics;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Metrics;

/// <summary>The per-contact score rows on Azurite: round trip, erasure and merges.</summary>
public sealed class ContactScoreStoreTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Scores_RoundTrip_AreDeletedPerContact_AndAMergeLeavesOneDueScoreOnTheSurvivor()
    {
        var table = StorageTestEnvironment.Account.Tables.GetTableClient(TestNames.Table("cs"));
        var store = new ContactScoreStore(StorageTestEnvironment.Account.Tables, table.Name);
        await store.InitializeAsync();
        try
        {
            var loyal = Scored("a", LifecycleStage.Loyal, new RfmScore(5, 4, 3), At.AddDays(3));
            await store.SaveAsync(loyal);
            await store.SaveAsync(Scored("b", LifecycleStage.New, null, null));
            await store.SaveAsync(Scored("c", LifecycleStage.Dormant, null, At.AddDays(1)));

            Assert.Equal(loyal, await store.GetAsync("a"));
            Assert.Equal(["a", "b", "c"], (await ReadAllAsync(store)).Select(s => s.ContactId).Order(StringComparer.Ordinal));

            // b merges into a (which has a score): a stays, due now; c merges into d (which has none): c's score moves.
            await store.MergeAsync("b", "a");
            await store.MergeAsync("c", "d");
            var merged = await store.GetAsync("a");
            var moved = await store.GetAsync("d");

            Assert.Null(await store.GetAsync("b"));
            Assert.Null(await store.GetAsync("c"));
            Assert.Equal((LifecycleStage.Loyal, true), (merged!.Score.Stage, merged.IsDue(At)));
            Assert.Equal(("d", LifecycleStage.Dormant, true), (moved!.ContactId, moved.Score.Stage, moved.IsDue(At)));

            Assert.True(await store.DeleteContactAsync("a"));
            Assert.False(await store.DeleteContactAsync("a"));
            Assert.Equal(["d"], (await ReadAllAsync(store)).Select(s => s.ContactId));
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    private static ScoredContact Scored(string id, LifecycleStage stage, RfmScore? rfm, DateTimeOffset? rescoreAt)
    {
        var summary = new CustomerSummary(id, 3, At.AddDays(-40), At.AddDays(-2), 123.45m);
        var score = new ContactScore(id, At, At.AddDays(-1), stage, At.AddDays(-2), rfm, rfm is null ? null : RfmSegment.Loyal, TimeSpan.FromDays(17.5), At.AddDays(15.5), false, SpendingPower.Medium, ValueTier.High, rescoreAt);
        return new ScoredContact(score, summary, rescoreAt);
    }

    private static async Task<List<ScoredContact>> ReadAllAsync(ContactScoreStore store)
    {
        var all = new List<ScoredContact>();
        await foreach (var scored in store.ReadAllAsync())
        {
            all.Add(scored);
        }

        return all;
    }
}
