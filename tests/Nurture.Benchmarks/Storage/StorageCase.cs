namespace Nurture.Benchmarks.Storage;

/// <summary>One row of the storage benchmark: what to do, how often and how many at once.</summary>
/// <param name="Name">The row's name in the report.</param>
/// <param name="Operation">What each operation does.</param>
/// <param name="Concurrency">Operations in flight at once.</param>
/// <param name="Operations">Timed operations per round (upserts, batches, gets, query passes, queue cycles).</param>
/// <param name="Warmup">Untimed operations before the timed ones.</param>
/// <param name="Rows">Preloaded rows: the keys point gets draw from, or the rows one query pass reads.</param>
public sealed record StorageCase(string Name, StorageOperation Operation, int Concurrency, int Operations, int Warmup, int Rows = 0)
{
    /// <summary>Entities per transaction, for batches and for preloading.</summary>
    public const int BatchSize = 100;

    /// <summary>What the row reports per second.</summary>
    public string Unit => Operation switch
    {
        StorageOperation.Batch => "entities/s",
        StorageOperation.Query => "rows/s",
        _ => "ops/s",
    };

    /// <summary>Units one operation counts for: 100 entities for a batch, every row for a query pass, else one.</summary>
    public int UnitsPerOperation => Operation switch
    {
        StorageOperation.Batch => BatchSize,
        StorageOperation.Query => Rows,
        _ => 1,
    };

    /// <summary>The same case scaled down for a smoke run (at least one operation, and the same preload).</summary>
    public StorageCase Scaled(double factor) =>
        this with { Operations = Math.Max(1, (int)(Operations * factor)), Warmup = Math.Max(1, (int)(Warmup * factor)) };
}
