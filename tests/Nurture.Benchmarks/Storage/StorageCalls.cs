using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Storage;

/// <summary>
/// The storage calls a benchmark row makes, in the two ways the suite compares: through Nurture's checked operations
/// (<see cref="Nurture"/>) and straight through the SDK clients (<see cref="Sdk"/>). Everything else about a row (keys,
/// entities, concurrency, timing) is the same code for both.
/// </summary>
public abstract class StorageCalls
{
    /// <summary>Nurture's layer: <c>TableClientExtensions</c> and <c>QueueClientExtensions</c> (Azure's rules checked first).</summary>
    public static StorageCalls Nurture { get; } = new NurtureCalls();

    /// <summary>The same operations issued straight through <see cref="TableClient"/> and <see cref="QueueClient"/>.</summary>
    public static StorageCalls Sdk { get; } = new SdkCalls();

    /// <summary>What the report calls this side.</summary>
    public abstract string Name { get; }

    /// <summary>Creates the table unless it exists.</summary>
    public abstract Task EnsureTableAsync(TableClient table, CancellationToken ct);

    /// <summary>Upserts (replace) one entity.</summary>
    public abstract Task UpsertAsync(TableClient table, TableEntity entity, CancellationToken ct);

    /// <summary>Submits one transaction.</summary>
    public abstract Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct);

    /// <summary>Reads one entity, or null when there is none.</summary>
    public abstract Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct);

    /// <summary>Every entity of one partition, in pages of <paramref name="pageSize"/>.</summary>
    public abstract IAsyncEnumerable<TableEntity> QueryPartitionAsync(TableClient table, string partitionKey, int pageSize, CancellationToken ct);

    /// <summary>Puts one message.</summary>
    public abstract Task EnqueueAsync(QueueClient queue, string text, CancellationToken ct);

    private sealed class NurtureCalls : StorageCalls
    {
        public override string Name => "Nurture";

        public override Task EnsureTableAsync(TableClient table, CancellationToken ct) => table.EnsureExistsAsync(ct);

        public override Task UpsertAsync(TableClient table, TableEntity entity, CancellationToken ct) => table.UpsertAsync(entity, cancellationToken: ct);

        public override Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct) => table.SubmitCheckedAsync(actions, ct);

        public override Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct) =>
            table.FindAsync(partitionKey, rowKey, cancellationToken: ct);

        public override IAsyncEnumerable<TableEntity> QueryPartitionAsync(TableClient table, string partitionKey, int pageSize, CancellationToken ct) =>
            table.QueryAsync<TableEntity>(TableFilters.Partition(partitionKey), pageSize, cancellationToken: ct);

        public override Task EnqueueAsync(QueueClient queue, string text, CancellationToken ct) => queue.EnqueueAsync(text, cancellationToken: ct);
    }

    private sealed class SdkCalls : StorageCalls
    {
        public override string Name => "SDK direct";

        public override Task EnsureTableAsync(TableClient table, CancellationToken ct) => table.CreateIfNotExistsAsync(ct);

        public override Task UpsertAsync(TableClient table, TableEntity entity, CancellationToken ct) => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);

        public override Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct) => table.SubmitTransactionAsync(actions, ct);

        public override async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct).ConfigureAwait(false);
            return response.HasValue ? response.Value : null;
        }

        public override IAsyncEnumerable<TableEntity> QueryPartitionAsync(TableClient table, string partitionKey, int pageSize, CancellationToken ct) =>
            table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), pageSize, cancellationToken: ct);

        public override Task EnqueueAsync(QueueClient queue, string text, CancellationToken ct) => queue.SendMessageAsync(text, ct);
    }
}
