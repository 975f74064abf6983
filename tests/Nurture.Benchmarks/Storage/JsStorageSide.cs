using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Benchmarks.Harness;

namespace Nurture.Benchmarks.Storage;

/// <summary>
/// The baseline side: <c>js/storage-bench.mjs</c> doing each row's operations with the official Azure SDKs
/// for JavaScript (<c>@azure/data-tables</c>, <c>@azure/storage-queue</c>), one Node process per round.
/// </summary>
/// <param name="connectionString">The storage account both sides use.</param>
public sealed class JsStorageSide(string connectionString)
{
    /// <summary>The script, relative to the repository root.</summary>
    public const string Script = "tests/Nurture.Benchmarks/js/storage-bench.mjs";

    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(3);

    /// <summary>What the report calls this baseline.</summary>
    public const string BaselineName = "JS SDK";

    /// <summary>Runs one round of <paramref name="benchmarkCase"/> on a new table or queue named <paramref name="name"/>; the script deletes it afterwards.</summary>
    public async Task<StorageMeasurement> RunAsync(StorageCase benchmarkCase, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var spec = new JsonObject
        {
            ["connectionString"] = connectionString,
            ["operation"] = OperationName(benchmarkCase.Operation),
            ["concurrency"] = benchmarkCase.Concurrency,
            ["operations"] = benchmarkCase.Operations,
            ["warmup"] = benchmarkCase.Warmup,
            ["batchSize"] = StorageCase.BatchSize,
            ["rows"] = benchmarkCase.Rows,
            ["table"] = name,
            ["queue"] = name,
        };
        var output = await NodeProcess.RunAsync(Script, spec.ToJsonString(), RoundTimeout, ct).ConfigureAwait(false);
        using var result = JsonDocument.Parse(output);
        var units = result.RootElement.GetProperty("units").GetInt64();
        var expected = (long)benchmarkCase.Operations * benchmarkCase.UnitsPerOperation;
        if (units != expected)
        {
            throw new InvalidOperationException($"{Script} reported {units} units for '{benchmarkCase.Name}', expected {expected}.");
        }

        return new StorageMeasurement(units, result.RootElement.GetProperty("seconds").GetDouble());
    }

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
