using Azure;
using Azure.Data.Tables;

namespace Nurture.Storage.Tables;

/// <summary>
/// The few table operations the repositories build on, over the SDK's <see cref="TableClient"/>: Azure's key,
/// property and transaction rules checked before anything is sent (Azurite does not enforce them all), a missing
/// entity as null or false rather than a 404, and a changed one (412) as <see cref="ETagMismatchException"/>.
/// </summary>
public static class TableClientExtensions
{
    private static readonly string[] KeyProperties = ["PartitionKey", "RowKey"];

    /// <summary>Reads one entity, or null when it does not exist; <paramref name="select"/> limits the properties read.</summary>
    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));

        // With $select the service returns only what is named; the keys are always wanted.
        var properties = select is null ? null : KeyProperties.Concat(select).Distinct(StringComparer.Ordinal).ToList();
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, properties, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts a new entity and returns its ETag; a <see cref="RequestFailedException"/> with status 409 when it exists.</summary>
    public static async Task<ETag> InsertAsync(this TableClient table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateEntity(entity);
        var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Inserts, or replaces or merges an existing entity, without a condition; returns the new ETag.</summary>
    public static async Task<ETag> UpsertAsync(this TableClient table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateEntity(entity);
        var response = await table.UpsertEntityAsync(entity, mode, cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag ?? default;
    }

    /// <summary>
    /// Replaces or merges an existing entity while its ETag is still <paramref name="ifMatch"/> (<see cref="ETag.All"/>
    /// matches any) and returns the new ETag. Throws <see cref="ETagMismatchException"/> when it changed, and a
    /// <see cref="RequestFailedException"/> with status 404 when it is gone.
    /// </summary>
    public static async Task<ETag> UpdateIfMatchAsync(this TableClient table, TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateEntity(entity);
        try
        {
            var response = await table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ETagMismatchException(e);
        }
    }

    /// <summary>
    /// Deletes an entity while its ETag is <paramref name="ifMatch"/> (by default any): true when deleted, false when it
    /// was already gone; <see cref="ETagMismatchException"/> when it changed.
    /// </summary>
    public static async Task<bool> DeleteIfMatchAsync(this TableClient table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        try
        {
            // The SDK answers a missing entity with its 404 response instead of throwing.
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch == default ? ETag.All : ifMatch, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ETagMismatchException(e);
        }
    }

    /// <summary>
    /// Runs up to 100 operations on one partition atomically (checked before sending) and returns each operation's new
    /// ETag (null for deletes). A failure throws the SDK's <see cref="TableTransactionFailedException"/>, naming the
    /// failing operation's index; then nothing was written.
    /// </summary>
    public static async Task<IReadOnlyList<ETag?>> SubmitCheckedAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableTransactionRules.Validate(actions);
        var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        return response.Value.Select((r, i) => actions[i].ActionType == TableTransactionActionType.Delete ? (ETag?)null : r.Headers.ETag).ToList();
    }

    /// <summary>Creates the table if needed, after checking its name against Azure's rules.</summary>
    public static async Task EnsureExistsAsync(this TableClient table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateTableName(table.Name);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
