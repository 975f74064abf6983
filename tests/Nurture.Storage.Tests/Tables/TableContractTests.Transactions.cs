using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Tables;

/// <summary>Entity group transactions: all or nothing, with the failing operation named.</summary>
public abstract partial class TableContractTests
{
    [Fact]
    public async Task Transaction_OfOneHundredOperations_WritesAllAndReturnsETags()
    {
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("batch", $"r{i:D3}") { { "I", i } }))
            .ToList();

        var etags = await Table.SubmitTransactionAsync(actions);

        Assert.Equal(100, etags.Count);
        Assert.All(etags, Assert.NotNull);
        var stored = await ToListAsync(Table.QueryAsync(TableQuery.ForPartition("batch")));
        Assert.Equal(100, stored.Count);
        Assert.Equal(etags[42], stored.Single(e => e.RowKey == "r042").ETag);
    }

    [Fact]
    public async Task Transaction_MixingEveryActionType_AppliesEach()
    {
        var kept = await Table.AddAsync(new TableEntity("mix", "merge") { { "A", "a" } });
        await Table.AddAsync(new TableEntity("mix", "replace") { { "A", "a" } });
        await Table.AddAsync(new TableEntity("mix", "delete"));

        var etags = await Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("mix", "add") { { "A", "new" } }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("mix", "merge") { { "B", "b" } }, kept),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("mix", "replace") { { "B", "b" } }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("mix", "upsert") { { "B", "b" } }),
            new(TableTransactionActionType.Delete, new TableEntity("mix", "delete")),
        ]);

        Assert.Null(etags[4]);
        var rows = (await ToListAsync(Table.QueryAsync(TableQuery.ForPartition("mix")))).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "upsert"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("a", "b"), (rows["merge"].GetString("A"), rows["merge"].GetString("B")));
        Assert.Null(rows["replace"].GetString("A"));
    }

    [Fact]
    public async Task Transaction_WhenOneOperationFails_WritesNothingAndNamesTheIndex()
    {
        await Table.AddAsync(new TableEntity("atomic", "exists") { { "V", "original" } });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("atomic", "a")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("atomic", "b")),
            new(TableTransactionActionType.Add, new TableEntity("atomic", "exists") { { "V", "clobbered" } }),
            new(TableTransactionActionType.Add, new TableEntity("atomic", "c")),
        ]));

        Assert.Equal(2, ex.FailedIndex);
        Assert.Equal(409, ex.Status);
        var rows = await ToListAsync(Table.QueryAsync(TableQuery.ForPartition("atomic")));
        Assert.Equal(["exists"], rows.Select(r => r.RowKey));
        Assert.Equal("original", rows[0].GetString("V"));
    }

    [Fact]
    public async Task Transaction_WithStaleETag_FailsAtThatOperation()
    {
        var old = await Table.AddAsync(new TableEntity("stale", "r"));
        await Table.UpsertAsync(new TableEntity("stale", "r") { { "V", 2 } });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("stale", "other")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("stale", "r") { { "V", 3 } }, old),
        ]));

        Assert.Equal(1, ex.FailedIndex);
        Assert.Equal(412, ex.Status);
        Assert.Null(await Table.GetAsync("stale", "other"));
    }

    [Fact]
    public async Task Transaction_BreakingClientSideRules_IsRejectedBeforeSending()
    {
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))).ToList();
        Assert.Contains("at most 100", (await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(tooMany))).Message);

        var twoPartitions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        };
        Assert.Contains("one partition", (await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(twoPartitions))).Message);

        var repeated = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("p", "r")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "r")),
        };
        Assert.Contains("repeats row key", (await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(repeated))).Message);

        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([]));
        Assert.Empty(await ToListAsync(Table.QueryAsync(new TableQuery())));
    }
}
