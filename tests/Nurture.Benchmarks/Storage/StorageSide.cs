using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Benchmarks.Harness;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Storage;

/// <summary>
/// One side of the storage benchmark: each row's operations through <paramref name="calls"/> (Nurture's checked
/// operations, or the SDK clients directly), on a fresh table or queue per run.
/// </summary>
/// <param name="tables">The Table service under test.</param>
/// <param name="queues">The Queue service under test.</param>
/// <param name="calls">How this side calls storage.</param>
public sealed partial class StorageSide(TableServiceClient tables, QueueServiceClient queues, StorageCalls calls)
{
    /// <summary>What the report calls this side.</summary>
    public string Name => calls.Name;

    /// <summary>Runs one round of <paramref name="benchmarkCase"/> on a new table or queue named <paramref name="name"/>, and deletes it afterwards.</summary>
    public Task<StorageMeasurement> RunAsync(StorageCase benchmarkCase, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return benchmarkCase.Operation == StorageOperation.QueueCycle
            ? RunQueueAsync(benchmarkCase, name, ct)
            : RunTableAsync(benchmarkCase, name, ct);
    }

    /// <summary>
    /// Runs the warm-up, then times the operations and counts the bytes the process allocated meanwhile.
    /// <paramref name="warmup"/> and <paramref name="timed"/> differ only in the keys they touch.
    /// </summary>
    private static async Task<StorageMeasurement> MeasureAsync(
        StorageCase benchmarkCase,
        Func<int, CancellationToken, Task> warmup,
        Func<int, CancellationToken, Task> timed,
        CancellationToken ct)
    {
        await ConcurrentLoop.RunAsync(benchmarkCase.Warmup, benchmarkCase.Concurrency, warmup, ct).ConfigureAwait(false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        await ConcurrentLoop.RunAsync(benchmarkCase.Operations, benchmarkCase.Concurrency, timed, ct).ConfigureAwait(false);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new StorageMeasurement((long)benchmarkCase.Operations * benchmarkCase.UnitsPerOperation, stopwatch.Elapsed.TotalSeconds, allocated);
    }
}
