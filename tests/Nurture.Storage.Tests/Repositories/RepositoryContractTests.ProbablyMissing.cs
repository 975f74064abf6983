using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Repositories;

/// <summary>Updates that guess the entity is missing and insert without reading: a wrong guess must lose nothing.</summary>
public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task OptimisticUpdate_ProbablyMissing_InsertsWhenMissing()
    {
        var table = Tables.GetTableClient(TestNames.Table("optnew"));
        await table.CreateIfNotExistsAsync();

        var written = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => Increment(current, "p", "r"), probablyMissing: true);

        Assert.Equal(1, written!.GetInt32("N"));
        Assert.Equal(1, (await table.GetAsync("p", "r"))!.GetInt32("N"));
        await table.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task OptimisticUpdate_ProbablyMissingButPresent_UpdatesWhatIsThere()
    {
        var table = Tables.GetTableClient(TestNames.Table("optold"));
        await table.CreateIfNotExistsAsync();
        await table.AddAsync(new TableEntity("p", "r") { { "N", 41 }, { "Kept", "yes" } });

        var written = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => Increment(current, "p", "r"), probablyMissing: true);

        var stored = (await table.GetAsync("p", "r"))!;
        Assert.Equal(42, written!.GetInt32("N"));
        Assert.Equal(42, stored.GetInt32("N"));
        Assert.Equal("yes", stored.GetString("Kept"));
        await table.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task OptimisticUpdate_ProbablyMissingAndDeclinedForNothing_AnswersWhatIsStored()
    {
        var table = Tables.GetTableClient(TestNames.Table("optdecl"));
        await table.CreateIfNotExistsAsync();
        await table.AddAsync(new TableEntity("p", "r") { { "N", 7 } });

        var answered = await OptimisticUpdate.UpdateAsync(table, "p", "r", current => current is null ? null : Increment(current, "p", "r"), probablyMissing: true);

        Assert.Equal(8, answered!.GetInt32("N"));
        Assert.Equal(8, (await table.GetAsync("p", "r"))!.GetInt32("N"));
        await table.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task OptimisticUpdate_ProbablyMissingUnderContention_LosesNoUpdate()
    {
        var table = Tables.GetTableClient(TestNames.Table("optrace"));
        await table.CreateIfNotExistsAsync();

        // Every writer guesses "missing"; all but the first insert must fall back to read-modify-write.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            OptimisticUpdate.UpdateAsync(table, "p", "counter", current => Increment(current, "p", "counter"), probablyMissing: true))));

        Assert.Equal(12, (await table.GetAsync("p", "counter"))!.GetInt32("N"));
        await table.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task Profiles_UpdateProbablyNew_OnAnExistingProfile_KeepsWhatItHeld()
    {
        var store = new ProfileStore(Tables);
        await store.InitializeAsync();
        var contact = "c-" + Guid.NewGuid().ToString("N");
        await store.UpdateAsync(contact, p => p with { Emails = p.Emails.Add("a@example.com") });

        var updated = await store.UpdateAsync(contact, p => p with { Emails = p.Emails.Add("b@example.com") }, probablyNew: true);

        Assert.Equal(["a@example.com", "b@example.com"], updated.Emails);
        Assert.Equal(["a@example.com", "b@example.com"], (await store.GetAsync(contact))!.Emails);
    }

    private static TableEntity Increment(TableEntity? current, string partitionKey, string rowKey)
    {
        var next = current ?? new TableEntity(partitionKey, rowKey);
        next["N"] = (current?.GetInt32("N") ?? 0) + 1;
        return next;
    }
}
