using Azure;
using Azure.Data.Tables;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Tables;

/// <summary>Entity group transactions through <see cref="TableClientExtensions.SubmitCheckedAsync"/>, on Azurite.</summary>
public sealed class TableTransactionTests : IAsyncLifetime
{
    private readonly TableClient _table = StorageTestEnvironment.Account.Tables.GetTableClient(TestNames.Table("tx"));

    public async Task InitializeAsync() => await _table.EnsureExistsAsync();

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task OneHundredOperations_AreAllWritten_AndEachGetsItsETag()
    {
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i:D3}") { { "N", i } }))
            .ToList();

        var etags = await _table.SubmitCheckedAsync(actions);

        var stored = await _table.QueryAsync<TableEntity>(TableFilters.Partition("p")).ToListAsync();
        Assert.Equal(100, stored.Count);
        Assert.Equal(stored.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(e => (ETag?)e.ETag), etags);
    }

    [Fact]
    public async Task Deletes_ComeBackWithoutAnETag()
    {
        await _table.InsertAsync(new TableEntity("p", "gone"));

        var etags = await _table.SubmitCheckedAsync(
        [
            new(TableTransactionActionType.Delete, new TableEntity("p", "gone")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new")),
        ]);

        Assert.Null(etags[0]);
        Assert.NotNull(etags[1]);
        Assert.Null(await _table.FindAsync("p", "gone"));
    }

    [Fact]
    public async Task WhenOneOperationFails_NothingIsWritten_AndTheIndexIsNamed()
    {
        await _table.InsertAsync(new TableEntity("p", "exists"));

        var failed = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitCheckedAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
        ]));

        Assert.Equal(1, failed.FailedTransactionActionIndex);
        Assert.Null(await _table.FindAsync("p", "a"));
        Assert.Null(await _table.FindAsync("p", "b"));
    }

    [Fact]
    public async Task AStaleETag_FailsTheTransactionWithPreconditionFailed()
    {
        var first = await _table.InsertAsync(new TableEntity("p", "v") { { "N", 1 } });
        await _table.UpdateIfMatchAsync(new TableEntity("p", "v") { { "N", 2 } }, first);

        var failed = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitCheckedAsync(
        [
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "v") { { "N", 3 } }, first),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "w")),
        ]));

        Assert.Equal(412, failed.Status);
        Assert.Equal(2, (await _table.FindAsync("p", "v"))!.GetInt32("N"));
    }
}
