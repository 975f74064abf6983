using Azure;
using Azure.Data.Tables;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Repositories;

/// <summary>Updates that start from a guess instead of a read (missing, or a row read before): a wrong guess must lose nothing.</summary>
public sealed partial class RepositoryTests
{
    [Fact]
    public async Task OptimisticUpdate_GuessedMissing_InsertsWhenMissing()
    {
        var table = Tables.GetTableClient(TestNames.Table("optnew"));
        await table.CreateIfNotExistsAsync();

        var written = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => Increment(current, "p", "r"), EntityGuess.Missing);

        Assert.Equal(1, written!.GetInt32("N"));
        Assert.Equal(1, (await table.FindAsync("p", "r"))!.GetInt32("N"));
        await table.DeleteAsync();
    }

    [Fact]
    public async Task OptimisticUpdate_GuessedMissingButPresent_UpdatesWhatIsThere()
    {
        var table = Tables.GetTableClient(TestNames.Table("optold"));
        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new TableEntity("p", "r") { { "N", 41 }, { "Kept", "yes" } });

        var written = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => Increment(current, "p", "r"), EntityGuess.Missing);

        var stored = (await table.FindAsync("p", "r"))!;
        Assert.Equal(42, written!.GetInt32("N"));
        Assert.Equal(42, stored.GetInt32("N"));
        Assert.Equal("yes", stored.GetString("Kept"));
        await table.DeleteAsync();
    }

    [Fact]
    public async Task OptimisticUpdate_GuessedMissingAndDeclinedForNothing_AnswersWhatIsStored()
    {
        var table = Tables.GetTableClient(TestNames.Table("optdecl"));
        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new TableEntity("p", "r") { { "N", 7 } });

        var answered = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => current is null ? null : Increment(current, "p", "r"), EntityGuess.Missing);

        Assert.Equal(8, answered!.GetInt32("N"));
        Assert.Equal(8, (await table.FindAsync("p", "r"))!.GetInt32("N"));
        await table.DeleteAsync();
    }

    [Fact]
    public async Task OptimisticUpdate_GuessedMissingUnderContention_LosesNoUpdate()
    {
        var table = Tables.GetTableClient(TestNames.Table("optrace"));
        await table.CreateIfNotExistsAsync();

        // Every writer guesses "missing"; all but the first insert must fall back to read-modify-write.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            OptimisticUpdate.UpdateAsync(table, "p", "counter", current => Increment(current, "p", "counter"), EntityGuess.Missing))));

        Assert.Equal(12, (await table.FindAsync("p", "counter"))!.GetInt32("N"));
        await table.DeleteAsync();
    }

    [Fact]
    public async Task Profiles_UpdateGuessedMissing_OnAnExistingProfile_KeepsWhatItHeld()
    {
        var store = new ProfileStore(Tables);
        await store.InitializeAsync();
        var contact = "c-" + Guid.NewGuid().ToString("N");
        await store.UpdateAsync(contact, p => p with { Emails = p.Emails.Add("a@example.com") });

        var updated = await store.UpdateAsync(contact, p => p with { Emails = p.Emails.Add("b@example.com") }, EntityGuess.Missing);

        Assert.Equal(["a@example.com", "b@example.com"], updated.Emails);
        Assert.Equal(["a@example.com", "b@example.com"], (await store.GetAsync(contact))!.Emails);
    }

    [Fact]
    public async Task OptimisticUpdate_GuessedKnownAndStale_UpdatesWhatIsThereNow()
    {
        var table = Tables.GetTableClient(TestNames.Table("optstale"));
        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new TableEntity("p", "r") { { "N", 1 } });
        var read = (await table.FindAsync("p", "r"))!;
        await OptimisticUpdate.UpdateAsync(table, "p", "r", current => Increment(current, "p", "r"));

        // The guess still says N = 1; the If-Match write fails and the update re-reads N = 2.
        var written = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => Increment(current, "p", "r"), EntityGuess.Known(read));

        Assert.Equal(3, written!.GetInt32("N"));
        Assert.Equal(3, (await table.FindAsync("p", "r"))!.GetInt32("N"));
        await table.DeleteAsync();
    }

    [Fact]
    public async Task OptimisticUpdate_GuessedKnownButDeleted_InsertsAgain()
    {
        var table = Tables.GetTableClient(TestNames.Table("optgone"));
        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new TableEntity("p", "r") { { "N", 5 } });
        var read = (await table.FindAsync("p", "r"))!;
        await table.DeleteIfMatchAsync("p", "r");

        var written = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => Increment(current, "p", "r"), EntityGuess.Known(read));

        Assert.Equal(1, written!.GetInt32("N"));
        Assert.Equal(1, (await table.FindAsync("p", "r"))!.GetInt32("N"));
        await table.DeleteAsync();
    }

    [Fact]
    public async Task Profiles_ResolveForUpdate_GivesTheRowOrMissingOrFollowsARedirect()
    {
        var store = new ProfileStore(Tables);
        await store.InitializeAsync();
        var kept = "c-" + Guid.NewGuid().ToString("N");
        var merged = "c-" + Guid.NewGuid().ToString("N");
        var absent = "c-" + Guid.NewGuid().ToString("N");
        await store.UpdateAsync(kept, p => p with { Emails = p.Emails.Add("a@example.com") });
        await store.MarkMergedAsync(merged, kept);

        var found = await store.ResolveForUpdateAsync(kept);
        var redirected = await store.ResolveForUpdateAsync(merged);
        var missing = await store.ResolveForUpdateAsync(absent);

        Assert.Equal(kept, found.ContactId);
        Assert.NotNull(found.Profile.Entity?.ETag);
        Assert.Equal((kept, EntityGuess.None), (redirected.ContactId, redirected.Profile));
        Assert.Equal((absent, EntityGuess.Missing), (missing.ContactId, missing.Profile));
        var updated = await store.UpdateAsync(kept, p => p with { Emails = p.Emails.Add("b@example.com") }, found.Profile);
        Assert.Equal(["a@example.com", "b@example.com"], updated.Emails);
        Assert.Equal(["a@example.com", "b@example.com"], (await store.GetAsync(kept))!.Emails);
    }

    private static TableEntity Increment(TableEntity? current, string partitionKey, string rowKey)
    {
        var next = current ?? new TableEntity(partitionKey, rowKey);
        next["N"] = (current?.GetInt32("N") ?? 0) + 1;
        return next;
    }
}
