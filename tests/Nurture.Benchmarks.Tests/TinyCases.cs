using Nurture.Benchmarks.Storage;

namespace Nurture.Benchmarks.Tests;

/// <summary>Every storage operation with counts small enough for a unit test.</summary>
public static class TinyCases
{
    /// <summary>One tiny case per operation, as xunit theory data.</summary>
    public static TheoryData<StorageCase> All { get; } =
    [
        new("upsert", StorageOperation.Upsert, 4, Operations: 20, Warmup: 2),
        new("batch", StorageOperation.Batch, 1, Operations: 2, Warmup: 1),
        new("get", StorageOperation.PointGet, 4, Operations: 20, Warmup: 2, Rows: 200),
        new("query", StorageOperation.Query, 1, Operations: 2, Warmup: 1, Rows: 1_050),
        new("queue", StorageOperation.QueueCycle, 4, Operations: 12, Warmup: 2),
    ];
}
