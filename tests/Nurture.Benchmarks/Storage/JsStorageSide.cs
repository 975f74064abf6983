using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Benchmarks.Harness;

namespace Nurture.Benchmarks.Storage;

/// <summary>
/// The baseline side: <c>js/storage-bench.mjs</c> doing each row's operations with the official Azure SDKs
/// for JavaScript (<c>@azure/data-tables</c>, <c>@azure/storage-queue</c>) in one Node process per run.
/// </summary>
public sealed class JsStorageSide : IAsyncDisposable
{
    /// <summary>The script, relative to the repository root.</summary>
    public const string Script = "tests/Nurture.Benchmarks/js/storage-bench.mjs";

    /// <summary>What the report calls this baseline.</summary>
    public const string BaselineName = "JS SDK";

    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(3);
    private readonly string _connectionString;
    private readonly NodeWorker _node;

    /// <summary>Starts the Node process for the storage account both sides use.</summary>
    public JsStorageSide(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
        _node = NodeWorker.Start(Script);
    }

    /// <summary>Runs one round of <paramref name="benchmarkCase"/> on a new table or queue named <paramref name="name"/>; the script deletes it afterwards.</summary>
    public async Task<StorageMeasurement> RunAsync(StorageCase benchmarkCase, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var spec = new JsonObject
        {
            ["connectionString"] = _connectionString,
            ["operation"] = OperationName(benchmarkCase.Operation),
            ["concurrency"] = benchmarkCase.Concurrency,
            ["operations"] = benchmarkCase.Operations,
            ["warmup"] = benchmarkCase.Warmup,
            ["batchSize"] = StorageCase.BatchSize,
            ["rows"] = benchmarkCase.Rows,
            ["table"] = name,
            ["queue"] = name,
        };
        var reply = await _node.RequestAsync(spec.ToJsonString(), RoundTimeout, ct).ConfigureAwait(false);
        using var result = JsonDocument.Parse(reply);
        if (result.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{Script} failed '{benchmarkCase.Name}': {error.GetString()}");
        }

        var units = result.RootElement.GetProperty("units").GetInt64();
        var expected = (long)benchmarkCase.Operations * benchmarkCase.UnitsPerOperation;
        if (units != expected)
        {
            throw new InvalidOperationException($"{Script} reported {units} units for '{benchmarkCase.Name}', expected {expected}.");
        }

        return new StorageMeasurement(units, result.RootElement.GetProperty("seconds").GetDouble());
    }

    /// <summary>Ends the Node process.</summary>
    public ValueTask DisposeAsync() => _node.DisposeAsync();

    private static string OperationName(StorageOperation operation) => operation switch
    {
        StorageOperation.Upsert => "upsert",
        StorageOperation.Batch => "batch",
        StorageOperation.PointGet => "get",
        StorageOperation.Query => "query",
        StorageOperation.QueueCycle => "queue",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
