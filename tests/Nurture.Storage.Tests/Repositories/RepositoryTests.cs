using Azure.Data.Tables;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Repositories;

/// <summary>The claim-check payload store and optimistic updates, on Azurite.</summary>
public sealed partial class RepositoryTests
{
    private TableServiceClient Tables { get; } = StorageTestEnvironment.Account.Tables;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60 * 1024)]
    [InlineData(2_500_000)]
    public async Task Payload_RoundTripsExactly_AndCanBeSavedAgainAndDeleted(int size)
    {
        var store = new PayloadStore(Tables);
        await store.InitializeAsync();
        var payload = new byte[size];
        new Random(size).NextBytes(payload);
        var id = "p-" + Guid.NewGuid().ToString("N");

        await store.SaveAsync(id, payload);
        await store.SaveAsync(id, payload);

        Assert.Equal(payload, await store.LoadAsync(id));
        await store.DeleteAsync(id);
        Assert.Null(await store.LoadAsync(id));
        await store.DeleteAsync(id);
        var leftovers = Tables.GetTableClient(PayloadStore.TableName).QueryAsync<TableEntity>(TableFilters.Partition(id));
        await foreach (var row in leftovers)
        {
            Assert.Fail($"row {row.RowKey} survived the delete");
        }
    }

    [Fact]
    public async Task Payload_MissingId_LoadsAsNull()
    {
        var store = new PayloadStore(Tables);
        await store.InitializeAsync();
        Assert.Null(await store.LoadAsync("never-saved"));
    }

    [Fact]
    public async Task OptimisticUpdate_UnderContention_LosesNoUpdate()
    {
        var table = Tables.GetTableClient(TestNames.Table("opt"));
        await table.CreateIfNotExistsAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 4; i++)
            {
                await OptimisticUpdate.UpdateAsync(table, "p", "counter", current =>
                {
                    var next = current ?? new TableEntity("p", "counter");
                    next["N"] = (current?.GetInt32("N") ?? 0) + 1;
                    return next;
                });
            }
        })));

        Assert.Equal(40, (await table.FindAsync("p", "counter"))!.GetInt32("N"));
        var unchanged = await OptimisticUpdate.UpdateAsync(table, "p", "counter", _ => null);
        Assert.Equal(40, unchanged!.GetInt32("N"));
        await table.DeleteAsync();
    }
}
