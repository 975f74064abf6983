using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Tables;

/// <summary>
/// The Table semantics Nurture relies on, run against every implementation (the in-memory twin and the REST
/// client on Azurite) so the twin cannot drift from the real service. Entity writes and reads are here;
/// queries, transactions and limits are in the partial files beside this one.
/// </summary>
public abstract partial class TableContractTests : IAsyncLifetime
{
    private ITableClient? _table;

    /// <summary>The implementation under test.</summary>
    protected abstract ITableService Service { get; }

    /// <summary>A fresh table for the test.</summary>
    protected ITableClient Table => _table ?? throw new InvalidOperationException("The table is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _table = Service.GetTableClient(TestNames.Table("contract"));
        Assert.True(await _table.CreateIfNotExistsAsync());
    }

    public async Task DisposeAsync()
    {
        if (_table is not null)
        {
            await _table.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task CreateAndDelete_AreIdempotent()
    {
        var table = Service.GetTableClient(TestNames.Table("idem"));
        Assert.True(await table.CreateIfNotExistsAsync());
        Assert.False(await table.CreateIfNotExistsAsync());
        var names = await ToListAsync(Service.ListTablesAsync(table.Name[..10]));
        Assert.Contains(table.Name, names);
        Assert.True(await table.DeleteIfExistsAsync());
        Assert.False(await table.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Add_WhenEntityExists_FailsWithConflict()
    {
        await Table.AddAsync(new TableEntity("p", "r") { { "N", 1 } });
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => Table.AddAsync(new TableEntity("p", "r")));
        Assert.True(ex.IsConflict);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task Add_WhenTableMissing_FailsWithNotFound()
    {
        var missing = Service.GetTableClient(TestNames.Table("missing"));
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => missing.AddAsync(new TableEntity("p", "r")));
        Assert.True(ex.IsNotFound);
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task EveryPropertyType_RoundTripsExactly()
    {
        var when = new DateTimeOffset(2026, 11, 23, 7, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.Parse("5c7e6a0e-8f1b-4d7a-9a49-0a1b2c3d4e5f");
        var entity = new TableEntity("types", "all")
        {
            { "Text", "Zoë says \"hi\" — 🎉 'quoted'" },
            { "Int", int.MinValue },
            { "Long", long.MaxValue },
            { "SmallLong", 5L },
            { "Double", 1234.5678 },
            { "WholeDouble", 42.0 },
            { "Flag", true },
            { "When", when },
            { "Id", id },
            { "Bytes", new byte[] { 0, 1, 2, 254, 255 } },
        };
        var etag = await Table.AddAsync(entity);

        var read = await Table.GetAsync("types", "all");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Zoë says \"hi\" — 🎉 'quoted'", read.GetString("Text"));
        Assert.Equal(int.MinValue, read["Int"]);
        Assert.Equal(long.MaxValue, read["Long"]);
        Assert.Equal(5L, read["SmallLong"]);
        Assert.Equal(1234.5678, read["Double"]);
        Assert.Equal(42.0, read["WholeDouble"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(when, read["When"]);
        Assert.Equal(when.UtcTicks, read.GetDateTimeOffset("When")!.Value.UtcTicks);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read.GetBinary("Bytes"));
        Assert.Equal(10, read.Count);
    }

    [Fact]
    public async Task Get_WhenMissing_ReturnsNull()
    {
        Assert.Null(await Table.GetAsync("nope", "nothing"));
    }

    [Fact]
    public async Task Get_WithSelect_ReturnsOnlyThoseProperties()
    {
        await Table.AddAsync(new TableEntity("p", "r") { { "A", "a" }, { "B", 2 }, { "C", 3.5 } });
        var read = await Table.GetAsync("p", "r", ["A", "C"]);
        Assert.NotNull(read);
        Assert.Equal(["A", "C"], read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("p", read.PartitionKey);
        Assert.Equal("r", read.RowKey);
    }

    [Fact]
    public async Task Update_WithStaleETag_FailsWithMismatchAndKeepsTheNewerValue()
    {
        var first = await Table.AddAsync(new TableEntity("p", "r") { { "V", 1 } });
        var second = await Table.UpdateAsync(new TableEntity("p", "r") { { "V", 2 } }, first);
        Assert.NotEqual(first, second);

        await Assert.ThrowsAsync<ETagMismatchException>(() => Table.UpdateAsync(new TableEntity("p", "r") { { "V", 3 } }, first));
        await Assert.ThrowsAsync<ETagMismatchException>(() => Table.UpdateAsync(new TableEntity("p", "r") { { "V", 3 } }, first, TableUpdateMode.Merge));

        Assert.Equal(2, (await Table.GetAsync("p", "r"))!["V"]);
    }

    [Fact]
    public async Task Update_WithWildcard_MatchesAnyVersionButNotAMissingEntity()
    {
        await Table.AddAsync(new TableEntity("p", "r") { { "V", 1 } });
        await Table.UpdateAsync(new TableEntity("p", "r") { { "V", 2 } }, "*");
        Assert.Equal(2, (await Table.GetAsync("p", "r"))!["V"]);

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => Table.UpdateAsync(new TableEntity("p", "absent"), "*"));
        Assert.True(ex.IsNotFound);
    }

    [Fact]
    public async Task Merge_KeepsOtherProperties_AndReplaceDropsThem()
    {
        await Table.AddAsync(new TableEntity("p", "r") { { "A", "a" }, { "B", "b" } });

        await Table.UpsertAsync(new TableEntity("p", "r") { { "B", "b2" }, { "C", "c" } }, TableUpdateMode.Merge);
        var merged = await Table.GetAsync("p", "r");
        Assert.Equal(("a", "b2", "c"), (merged!.GetString("A"), merged.GetString("B"), merged.GetString("C")));

        await Table.UpsertAsync(new TableEntity("p", "r") { { "C", "only" } });
        var replaced = await Table.GetAsync("p", "r");
        Assert.Equal(["C"], replaced!.Keys);
    }

    [Fact]
    public async Task Upsert_CreatesWhenMissing()
    {
        var etag = await Table.UpsertAsync(new TableEntity("p", "new") { { "V", 1 } }, TableUpdateMode.Merge);
        Assert.Equal(etag, (await Table.GetAsync("p", "new"))!.ETag);
    }

    [Fact]
    public async Task Delete_HonoursETag_AndReportsAlreadyGone()
    {
        var first = await Table.AddAsync(new TableEntity("p", "r"));
        var second = await Table.UpdateAsync(new TableEntity("p", "r") { { "V", 1 } }, first);

        await Assert.ThrowsAsync<ETagMismatchException>(() => Table.DeleteAsync("p", "r", first));
        Assert.True(await Table.DeleteAsync("p", "r", second));
        Assert.False(await Table.DeleteAsync("p", "r"));
        Assert.Null(await Table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task ConcurrentOptimisticUpdates_LoseNoIncrement()
    {
        await Table.AddAsync(new TableEntity("p", "counter") { { "N", 0 } });
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                while (true)
                {
                    var current = (await Table.GetAsync("p", "counter"))!;
                    current["N"] = current.GetInt32("N")!.Value + 1;
                    try
                    {
                        await Table.UpdateAsync(current, current.ETag!);
                        break;
                    }
                    catch (ETagMismatchException)
                    {
                        // Someone else won this round: read again and retry.
                    }
                }
            }
        })));

        Assert.Equal(40, (await Table.GetAsync("p", "counter"))!["N"]);
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
