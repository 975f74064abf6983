using System.Globalization;
using Nurture.Storage.Tables;

namespace Nurture.Storage.InMemory;

/// <summary>One in-memory table; queries and transactions are in the partial files beside this one.</summary>
public sealed partial class InMemoryTableClient : ITableClient
{
    private readonly InMemoryTableService _service;

    internal InMemoryTableClient(InMemoryTableService service, string tableName)
    {
        TableLimits.ValidateTableName(tableName);
        _service = service;
        Name = tableName;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(_service.Create(Name));

    /// <inheritdoc />
    public Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(_service.Delete(Name));

    /// <inheritdoc />
    public Task<string> AddAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        return Locked(table => Apply(table, new TableTransactionAction(TableTransactionActionType.Add, entity))!);
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        var type = mode == TableUpdateMode.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge;
        return Locked(table => Apply(table, new TableTransactionAction(type, entity))!);
    }

    /// <inheritdoc />
    public Task<string> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        TableLimits.ValidateEntity(entity);
        var type = mode == TableUpdateMode.Replace ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge;
        return Locked(table => Apply(table, new TableTransactionAction(type, entity, ifMatch))!);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        TableLimits.ValidateKey(partitionKey, nameof(TableEntity.PartitionKey));
        TableLimits.ValidateKey(rowKey, nameof(TableEntity.RowKey));
        return Locked(table =>
        {
            if (!table.Rows.ContainsKey((partitionKey, rowKey)))
            {
                return false;
            }

            Apply(table, new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch));
            return true;
        });
    }

    /// <inheritdoc />
    public Task<TableEntity?> GetAsync(string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(TableEntity.PartitionKey));
        TableLimits.ValidateKey(rowKey, nameof(TableEntity.RowKey));
        var table = _service.Find(Name);
        if (table is null)
        {
            return Task.FromResult<TableEntity?>(null);
        }

        lock (table.Gate)
        {
            return Task.FromResult(table.Rows.TryGetValue((partitionKey, rowKey), out var stored) ? Project(stored, select) : null);
        }
    }

    /// <summary>Applies one write to the rows (the caller holds the lock) and returns the new ETag, or null for a delete.</summary>
    private string? Apply(InMemoryTable table, TableTransactionAction action)
    {
        var entity = action.Entity;
        var key = (entity.PartitionKey, entity.RowKey);
        table.Rows.TryGetValue(key, out var existing);
        var conditional = action.ActionType is TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpdateMerge or TableTransactionActionType.Delete;
        if (action.ActionType == TableTransactionActionType.Add && existing is not null)
        {
            throw new StorageRequestException(409, "EntityAlreadyExists", null, "The specified entity already exists.");
        }

        if (conditional)
        {
            if (existing is null)
            {
                throw new StorageRequestException(404, "ResourceNotFound", null, "The specified resource does not exist.");
            }

            var ifMatch = action.ETag ?? "*";
            if (ifMatch != "*" && !string.Equals(ifMatch, existing.ETag, StringComparison.Ordinal))
            {
                throw new ETagMismatchException("UpdateConditionNotSatisfied", null, "The update condition specified in the request was not satisfied.");
            }
        }

        if (action.ActionType == TableTransactionActionType.Delete)
        {
            table.Rows.Remove(key);
            return null;
        }

        var merge = action.ActionType is TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpdateMerge;
        var stored = merge && existing is not null ? existing.Clone() : new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity)
        {
            stored[name] = value is byte[] bytes ? (byte[])bytes.Clone() : value;
        }

        if (stored.Count > TableLimits.MaxProperties)
        {
            throw new StorageRequestException(400, "TooManyProperties", null, $"The entity would have {stored.Count} properties; the limit is {TableLimits.MaxProperties}.");
        }

        var written = _service.NextWriteTime();
        stored.Timestamp = written;
        stored.ETag = "W/\"datetime'" + Uri.EscapeDataString(written.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)) + "'\"";
        table.Rows[key] = stored;
        return stored.ETag;
    }

    private Task<T> Locked<T>(Func<InMemoryTable, T> action)
    {
        var table = _service.Find(Name) ?? throw TableNotFound();
        lock (table.Gate)
        {
            return Task.FromResult(action(table));
        }
    }

    private StorageRequestException TableNotFound() => new(404, "TableNotFound", null, $"The table '{Name}' does not exist.");

    private static TableEntity Project(TableEntity stored, IReadOnlyList<string>? select)
    {
        if (select is not { Count: > 0 })
        {
            return stored.Clone();
        }

        var copy = new TableEntity(stored.PartitionKey, stored.RowKey) { ETag = stored.ETag, Timestamp = stored.Timestamp };
        foreach (var name in select)
        {
            TableLimits.ValidateFilterProperty(name);
            if (stored[name] is { } value)
            {
                copy[name] = value is byte[] bytes ? (byte[])bytes.Clone() : value;
            }
        }

        return copy;
    }
}
