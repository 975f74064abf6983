namespace Nurture.Storage.Tables;

/// <summary>What to read from a table: an optional filter, the properties to return and the page size.</summary>
public sealed record TableQuery
{
    /// <summary>A query for every entity in the table.</summary>
    public TableQuery()
    {
    }

    /// <summary>A query for the entities matching the filter.</summary>
    public TableQuery(TableFilter filter) => Filter = filter;

    /// <summary>The filter, or null for every entity.</summary>
    public TableFilter? Filter { get; init; }

    /// <summary>Properties to return (<c>$select</c>); null returns all. Keys always come back.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>Entities per response (<c>$top</c>, 1-1000); null lets the service choose (at most 1000).</summary>
    public int? PageSize { get; init; }

    /// <summary>A query for one partition.</summary>
    public static TableQuery ForPartition(string partitionKey) => new(TableFilter.PartitionKeyEquals(partitionKey));
}
