using Azure;
using Azure.Data.Tables;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Tables;

/// <summary>The table operations repositories build on, against Azurite through the SDK.</summary>
public sealed class TableClientExtensionsTests : IAsyncLifetime
{
    private readonly TableClient _table = StorageTestEnvironment.Account.Tables.GetTableClient(TestNames.Table("ext"));

    public static TheoryData<string> HostileStrings => new()
    {
        "' or true or '",
        "x' or PartitionKey ne 'x",
        "O'Brien",
        "''",
        "\"double\" quotes",
        "Zoë 🎉 日本語",
        "%27 or 1 eq 1",
        "a&$filter=b",
        "trailing space ",
        "(parens) and not",
    };

    public async Task InitializeAsync() => await _table.EnsureExistsAsync();

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task Find_WhenMissing_ReturnsNull()
    {
        Assert.Null(await _table.FindAsync("p", "missing"));
    }

    [Fact]
    public async Task Find_WithSelect_ReturnsTheKeysAndOnlyThoseProperties()
    {
        await _table.InsertAsync(new TableEntity("p", "r") { { "A", 1 }, { "B", "two" }, { "C", true } });

        var read = await _table.FindAsync("p", "r", ["B"]);

        Assert.NotNull(read);
        Assert.Equal(("p", "r"), (read.PartitionKey, read.RowKey));
        Assert.Equal("two", read.GetString("B"));
        Assert.False(read.ContainsKey("A"));
        Assert.False(read.ContainsKey("C"));
    }

    [Fact]
    public async Task Insert_WhenTheEntityExists_FailsWithConflict()
    {
        await _table.InsertAsync(new TableEntity("p", "dup"));

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => _table.InsertAsync(new TableEntity("p", "dup")));

        Assert.Equal(409, conflict.Status);
    }

    [Fact]
    public async Task UpdateIfMatch_WithAStaleETag_ThrowsMismatchAndKeepsTheNewerValue()
    {
        var first = await _table.InsertAsync(new TableEntity("p", "v") { { "N", 1 } });
        var second = await _table.UpdateIfMatchAsync(new TableEntity("p", "v") { { "N", 2 } }, first);

        await Assert.ThrowsAsync<ETagMismatchException>(() => _table.UpdateIfMatchAsync(new TableEntity("p", "v") { { "N", 3 } }, first));

        var read = await _table.FindAsync("p", "v");
        Assert.Equal(2, read!.GetInt32("N"));
        Assert.Equal(second, read.ETag);
    }

    [Fact]
    public async Task UpdateIfMatch_OnAMissingEntity_FailsWithNotFound()
    {
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => _table.UpdateIfMatchAsync(new TableEntity("p", "nothing"), ETag.All));

        Assert.Equal(404, missing.Status);
        Assert.IsNotType<ETagMismatchException>(missing);
    }

    [Fact]
    public async Task Merge_KeepsOtherProperties_AndReplaceDropsThem()
    {
        var etag = await _table.InsertAsync(new TableEntity("p", "m") { { "Keep", "yes" }, { "Change", 1 } });

        etag = await _table.UpdateIfMatchAsync(new TableEntity("p", "m") { { "Change", 2 } }, etag, TableUpdateMode.Merge);
        var merged = await _table.FindAsync("p", "m");
        await _table.UpdateIfMatchAsync(new TableEntity("p", "m") { { "Change", 3 } }, etag, TableUpdateMode.Replace);
        var replaced = await _table.FindAsync("p", "m");

        Assert.Equal(("yes", 2), (merged!.GetString("Keep"), merged.GetInt32("Change")));
        Assert.Equal(((string?)null, 3), (replaced!.GetString("Keep"), replaced.GetInt32("Change")));
    }

    [Fact]
    public async Task Upsert_CreatesWhenMissing_AndReplacesWhenPresent()
    {
        await _table.UpsertAsync(new TableEntity("p", "u") { { "A", 1 }, { "B", 1 } });
        await _table.UpsertAsync(new TableEntity("p", "u") { { "A", 2 } });

        var read = await _table.FindAsync("p", "u");

        Assert.Equal(2, read!.GetInt32("A"));
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task DeleteIfMatch_HonoursTheETag_AndReportsAnEntityAlreadyGone()
    {
        var first = await _table.InsertAsync(new TableEntity("p", "d"));
        var second = await _table.UpdateIfMatchAsync(new TableEntity("p", "d") { { "N", 1 } }, first);

        await Assert.ThrowsAsync<ETagMismatchException>(() => _table.DeleteIfMatchAsync("p", "d", first));
        Assert.True(await _table.DeleteIfMatchAsync("p", "d", second));
        Assert.False(await _table.DeleteIfMatchAsync("p", "d"));
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task QueryFilter_WithAHostileValue_MatchesOnlyThatExactValue(string hostile)
    {
        await _table.InsertAsync(new TableEntity("h", "target") { { "Name", hostile } });
        await _table.InsertAsync(new TableEntity("h", "other") { { "Name", "innocent" } });
        await _table.InsertAsync(new TableEntity("h", "prefix") { { "Name", hostile + "x" } });

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"h"} and Name eq {hostile}");
        var matches = await _table.QueryAsync<TableEntity>(filter).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["target"], matches);
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task HostileKeys_RoundTripThroughPointOperationsAndPartitionQueries(string hostile)
    {
        await _table.InsertAsync(new TableEntity(hostile, hostile) { { "V", 1 } });

        var read = await _table.FindAsync(hostile, hostile);
        var byPartition = await _table.QueryAsync<TableEntity>(TableFilters.Partition(hostile)).ToListAsync();

        Assert.Equal((hostile, hostile), (read!.PartitionKey, read.RowKey));
        Assert.Single(byPartition);
        Assert.True(await _table.DeleteIfMatchAsync(hostile, hostile, read.ETag));
    }

    [Fact]
    public async Task StartsWith_SelectsTheRowsWithThePrefixAndNoOthers()
    {
        foreach (var row in new[] { "h-1", "h-2", "h-", "h", "h.", "g-9", "i-0" })
        {
            await _table.InsertAsync(new TableEntity("s", row));
        }

        var filter = TableFilters.And(TableFilters.Partition("s"), TableFilters.StartsWith("RowKey", "h-"));
        var rows = await _table.QueryAsync<TableEntity>(filter).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["h-", "h-1", "h-2"], rows);
    }

    [Fact]
    public async Task Copy_IsIndependentOfTheEntityItWasTakenFrom()
    {
        await _table.InsertAsync(new TableEntity("p", "c") { { "N", 1 }, { "Bytes", new byte[] { 1, 2 } } });
        var read = (await _table.FindAsync("p", "c"))!;

        var copy = read.Copy();
        copy["N"] = 2;
        copy.GetBinary("Bytes")[0] = 9;

        Assert.Equal(1, read.GetInt32("N"));
        Assert.Equal(new byte[] { 1, 2 }, read.GetBinary("Bytes"));
        Assert.Equal(read.ETag, copy.ETag);
        await _table.UpdateIfMatchAsync(copy, copy.ETag);
    }
}
