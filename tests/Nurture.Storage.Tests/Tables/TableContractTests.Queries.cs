using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Tables;

/// <summary>Queries: filters built from hostile values, typed comparisons, paging.</summary>
public abstract partial class TableContractTests
{
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

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task Filter_WithHostileString_MatchesOnlyThatExactValue(string hostile)
    {
        await Table.AddAsync(new TableEntity("h", "target") { { "Name", hostile } });
        await Table.AddAsync(new TableEntity("h", "other") { { "Name", "innocent" } });
        await Table.AddAsync(new TableEntity("h", "prefix") { { "Name", hostile + "x" } });

        var matches = await ToListAsync(Table.QueryAsync(new TableQuery(TableFilter.Equal("Name", hostile))));
        var viaInterpolation = await ToListAsync(Table.QueryAsync(new TableQuery(TableFilter.Create($"PartitionKey eq {"h"} and Name eq {hostile}"))));

        Assert.Equal(["target"], matches.Select(e => e.RowKey));
        Assert.Equal(["target"], viaInterpolation.Select(e => e.RowKey));
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task HostileKeys_RoundTripThroughPointOperations(string hostile)
    {
        await Table.AddAsync(new TableEntity(hostile, hostile) { { "V", 1 } });
        var read = await Table.GetAsync(hostile, hostile);
        Assert.NotNull(read);
        Assert.Equal(hostile, read.PartitionKey);
        Assert.Equal(hostile, read.RowKey);

        var byFilter = await ToListAsync(Table.QueryAsync(TableQuery.ForPartition(hostile)));
        Assert.Single(byFilter);
        Assert.True(await Table.DeleteAsync(hostile, hostile, read.ETag!));
    }

    [Fact]
    public async Task Filter_OnTypedValues_ComparesByType()
    {
        var baseTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 5).Select(i => Guid.Parse($"00000000-0000-0000-0000-00000000000{i}")).ToArray();
        for (var i = 0; i < 5; i++)
        {
            await Table.AddAsync(new TableEntity("typed", $"r{i}")
            {
                { "Count", i },
                { "Big", 10_000_000_000L + i },
                { "Amount", i + 0.5 },
                { "At", baseTime.AddDays(i) },
                { "Id", ids[i] },
                { "Even", i % 2 == 0 },
            });
        }

        async Task<string[]> Rows(TableFilter filter) =>
            (await ToListAsync(Table.QueryAsync(new TableQuery(TableFilter.PartitionKeyEquals("typed") & filter)))).Select(e => e.RowKey).ToArray();

        Assert.Equal(["r3", "r4"], await Rows(TableFilter.GreaterThan("Count", 2)));
        Assert.Equal(["r0", "r1"], await Rows(TableFilter.LessThan("Big", 10_000_000_002L)));
        Assert.Equal(["r2"], await Rows(TableFilter.Equal("Amount", 2.5)));
        Assert.Equal(["r3", "r4"], await Rows(TableFilter.GreaterThanOrEqual("At", baseTime.AddDays(3))));
        Assert.Equal(["r1"], await Rows(TableFilter.Equal("Id", ids[1])));
        Assert.Equal(["r1", "r3"], await Rows(TableFilter.Equal("Even", false)));
        Assert.Equal(["r0", "r4"], await Rows(TableFilter.Equal("Count", 0) | TableFilter.Equal("Count", 4)));
        Assert.Equal(["r1", "r2", "r3", "r4"], await Rows(!TableFilter.Equal("Count", 0)));
    }

    [Fact]
    public async Task Query_WithSelectAndPrefix_ReturnsProjectedRows()
    {
        await Table.AddAsync(new TableEntity("s", "apple") { { "A", 1 }, { "B", 2 } });
        await Table.AddAsync(new TableEntity("s", "apricot") { { "A", 3 }, { "B", 4 } });
        await Table.AddAsync(new TableEntity("s", "banana") { { "A", 5 }, { "B", 6 } });

        var rows = await ToListAsync(Table.QueryAsync(new TableQuery(TableFilter.PartitionKeyEquals("s") & TableFilter.StartsWith("RowKey", "ap")) { Select = ["B"] }));

        Assert.Equal(["apple", "apricot"], rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.Equal(["B"], r.Keys));
    }

    [Fact]
    public async Task Query_OverMoreThanOneThousandEntities_FollowsContinuations()
    {
        await InsertRowsAsync("paged", 2_500);

        var pages = await ToListAsync(Table.QueryPagesAsync(TableQuery.ForPartition("paged")));
        var all = pages.SelectMany(p => p.Entities).ToList();

        Assert.Equal(2_500, all.Count);
        Assert.Equal(2_500, all.Select(e => e.RowKey).Distinct().Count());
        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        Assert.All(pages, p => Assert.True(p.Entities.Count <= 1000));
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task Query_WithPageSize_ResumesFromAContinuationToken()
    {
        await InsertRowsAsync("top", 250);
        var query = TableQuery.ForPartition("top") with { PageSize = 100 };

        var first = await FirstAsync(Table.QueryPagesAsync(query));
        Assert.Equal(100, first.Entities.Count);
        Assert.NotNull(first.ContinuationToken);

        var rest = await ToListAsync(Table.QueryPagesAsync(query, first.ContinuationToken));
        var resumed = rest.SelectMany(p => p.Entities).Select(e => e.RowKey).ToList();
        Assert.Equal(150, resumed.Count);
        Assert.Empty(resumed.Intersect(first.Entities.Select(e => e.RowKey)));
    }

    [Fact]
    public async Task Query_WhoseMatchesAreFarApart_FindsThemAllAcrossEmptyPages()
    {
        await InsertRowsAsync("sparse", 2_200);
        await Table.UpsertAsync(new TableEntity("sparse", "r00005") { { "Hit", true }, { "I", 5 } });
        await Table.UpsertAsync(new TableEntity("sparse", "r02150") { { "Hit", true }, { "I", 2150 } });

        var pages = await ToListAsync(Table.QueryPagesAsync(new TableQuery(TableFilter.Equal("Hit", true))));

        Assert.Equal(["r00005", "r02150"], pages.SelectMany(p => p.Entities).Select(e => e.RowKey));
        AssertEmptyPagesWhereTheImplementationMakesThem(pages);
    }

    /// <summary>The in-memory twin scans at most 1,000 rows a page, as the service may; Azurite does not.</summary>
    protected virtual void AssertEmptyPagesWhereTheImplementationMakesThem(IReadOnlyList<TablePage> pages)
    {
    }

    private async Task InsertRowsAsync(string partition, int count)
    {
        for (var start = 0; start < count; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, count - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"r{i:D5}") { { "I", i } }))
                .ToList();
            await Table.SubmitTransactionAsync(actions);
        }
    }

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> source)
    {
        await foreach (var item in source)
        {
            return item;
        }

        throw new InvalidOperationException("The sequence is empty.");
    }
}
