namespace Nurture.Storage.Tables;

/// <summary>
/// Operations on one table. Implemented over the Table REST API (<see cref="Rest.RestTableClient"/>) and
/// in memory (<see cref="InMemory.InMemoryTableClient"/>) with the same semantics; one contract test
/// suite runs against both.
/// </summary>
public interface ITableClient
{
    /// <summary>The table's name.</summary>
    string Name { get; }

    /// <summary>Creates the table; true if it was created, false if it already existed.</summary>
    Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the table; true if it was deleted, false if it did not exist.</summary>
    Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts a new entity and returns its ETag; a <see cref="StorageRequestException"/> with
    /// <see cref="StorageRequestException.IsConflict"/> when it already exists.</summary>
    Task<string> AddAsync(TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces/merges without a condition and returns the new ETag.</summary>
    Task<string> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces or merges an existing entity when its ETag still matches (<c>*</c> matches any) and returns
    /// the new ETag. Throws <see cref="ETagMismatchException"/> when it changed, and a
    /// <see cref="StorageRequestException"/> with <see cref="StorageRequestException.IsNotFound"/> when it is missing.
    /// </summary>
    Task<string> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an entity when its ETag matches (<c>*</c>, the default, matches any). True if deleted, false
    /// if it was already gone; <see cref="ETagMismatchException"/> when it changed.
    /// </summary>
    Task<bool> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default);

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    Task<TableEntity?> GetAsync(string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the query's results page by page, starting after <paramref name="continuationToken"/> if given.</summary>
    IAsyncEnumerable<TablePage> QueryPagesAsync(TableQuery query, string? continuationToken = null, CancellationToken cancellationToken = default);

    /// <summary>Reads every entity the query matches, following continuations.</summary>
    IAsyncEnumerable<TableEntity> QueryAsync(TableQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs up to 100 operations on one partition atomically and returns each operation's new ETag
    /// (null for deletes). Throws <see cref="TableTransactionFailedException"/> naming the failing operation;
    /// then nothing was written.
    /// </summary>
    Task<IReadOnlyList<string?>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default);
}
