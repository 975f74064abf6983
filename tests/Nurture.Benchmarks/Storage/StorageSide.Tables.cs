using Azure.Data.Tables;

namespace Nurture.Benchmarks.Storage;

/// <summary>The table rows.</summary>
public sealed partial class StorageSide
{
    private const int UpsertPartitions = 16;
    private const int GetStride = 7919;

    private async Task<StorageMeasurement> RunTableAsync(StorageCase benchmarkCase, string name, CancellationToken ct)
    {
        var table = tables.GetTableClient(name);
        await calls.EnsureTableAsync(table, ct).ConfigureAwait(false);
        try
        {
            return benchmarkCase.Operation switch
            {
                StorageOperation.Upsert => await MeasureAsync(
                    benchmarkCase,
                    (i, token) => calls.UpsertAsync(table, BenchEntities.Create("w" + (i % UpsertPartitions), i), token),
                    (i, token) => calls.UpsertAsync(table, BenchEntities.Create("p" + (i % UpsertPartitions), i), token),
                    ct).ConfigureAwait(false),
                StorageOperation.Batch => await MeasureAsync(
                    benchmarkCase,
                    (b, token) => calls.SubmitAsync(table, UpsertBatch("w" + b, StorageCase.BatchSize), token),
                    (b, token) => calls.SubmitAsync(table, UpsertBatch("b" + b, StorageCase.BatchSize), token),
                    ct).ConfigureAwait(false),
                StorageOperation.PointGet => await MeasurePointGetsAsync(benchmarkCase, table, ct).ConfigureAwait(false),
                StorageOperation.Query => await MeasureQueryAsync(benchmarkCase, table, ct).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(benchmarkCase), benchmarkCase.Operation, "Not a table operation."),
            };
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<StorageMeasurement> MeasurePointGetsAsync(StorageCase benchmarkCase, TableClient table, CancellationToken ct)
    {
        var partitions = (benchmarkCase.Rows + StorageCase.BatchSize - 1) / StorageCase.BatchSize;
        for (var p = 0; p < partitions; p++)
        {
            await calls.SubmitAsync(table, UpsertBatch("g" + p, StorageCase.BatchSize), ct).ConfigureAwait(false);
        }

        // A fixed prime stride visits the keys in an order with no locality, the same order on both sides.
        async Task GetAsync(int i, CancellationToken token)
        {
            var index = (int)((long)i * GetStride % benchmarkCase.Rows);
            var row = index % StorageCase.BatchSize;
            var entity = await calls.FindAsync(table, "g" + (index / StorageCase.BatchSize), BenchEntities.RowKey(row), token).ConfigureAwait(false);
            if (entity?.GetInt32("Orders") != row % 1000)
            {
                throw new InvalidOperationException($"Point get of entity {index} returned the wrong entity or none.");
            }
        }

        return await MeasureAsync(benchmarkCase, GetAsync, GetAsync, ct).ConfigureAwait(false);
    }

    private async Task<StorageMeasurement> MeasureQueryAsync(StorageCase benchmarkCase, TableClient table, CancellationToken ct)
    {
        const string partition = "q";
        for (var start = 0; start < benchmarkCase.Rows; start += StorageCase.BatchSize)
        {
            var count = Math.Min(StorageCase.BatchSize, benchmarkCase.Rows - start);
            await calls.SubmitAsync(table, UpsertBatch(partition, count, start), ct).ConfigureAwait(false);
        }

        async Task PassAsync(int pass, CancellationToken token)
        {
            var rows = 0;
            await foreach (var entity in calls.QueryPartitionAsync(table, partition, 1000, token).ConfigureAwait(false))
            {
                rows++;
            }

            if (rows != benchmarkCase.Rows)
            {
                throw new InvalidOperationException($"The query returned {rows} rows, expected {benchmarkCase.Rows}.");
            }
        }

        return await MeasureAsync(benchmarkCase, PassAsync, PassAsync, ct).ConfigureAwait(false);
    }

    private static TableTransactionAction[] UpsertBatch(string partitionKey, int count, int first = 0)
    {
        var actions = new TableTransactionAction[count];
        for (var i = 0; i < count; i++)
        {
            actions[i] = new TableTransactionAction(TableTransactionActionType.UpsertReplace, BenchEntities.Create(partitionKey, first + i));
        }

        return actions;
    }
}
