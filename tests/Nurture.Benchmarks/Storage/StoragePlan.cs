namespace Nurture.Benchmarks.Storage;

/// <summary>
/// The storage benchmark's rows and how many rounds each side runs. A full run takes about two minutes on
/// two cores (three when the machine is busy); Azurite (one Node process) is the bottleneck for both sides.
/// </summary>
/// <param name="Cases">The rows, in report order.</param>
/// <param name="Rounds">
/// Rounds per side. Sides alternate within a row (Nurture, JS, JS, Nurture, Nurture, JS, ...) in short
/// rounds, so the bursts of other work on a shared machine and any slow drift (Azurite's growing files) fall
/// on both sides alike; each side's figure is its total units over its total timed seconds.
/// </param>
public sealed record StoragePlan(IReadOnlyList<StorageCase> Cases, int Rounds)
{
    /// <summary>The full run.</summary>
    public static StoragePlan Full { get; } = new(
        [
            new("table upsert, 1 concurrent", StorageOperation.Upsert, 1, Operations: 750, Warmup: 100),
            new("table upsert, 16 concurrent", StorageOperation.Upsert, 16, Operations: 2_000, Warmup: 200),
            new("table batch of 100 upserts, 1 concurrent", StorageOperation.Batch, 1, Operations: 60, Warmup: 5),
            new("point get, 1 concurrent", StorageOperation.PointGet, 1, Operations: 750, Warmup: 100, Rows: 1_000),
            new("point get, 16 concurrent", StorageOperation.PointGet, 16, Operations: 1_500, Warmup: 200, Rows: 1_000),
            new("paged query of 5,000 rows (pages of 1,000)", StorageOperation.Query, 1, Operations: 5, Warmup: 1, Rows: 5_000),
            new("queue put+get+delete, 1 concurrent", StorageOperation.QueueCycle, 1, Operations: 200, Warmup: 20),
            new("queue put+get+delete, 16 concurrent", StorageOperation.QueueCycle, 16, Operations: 400, Warmup: 32),
        ],
        Rounds: 4);

    /// <summary>A smoke run: a tenth of the operations, one round per side.</summary>
    public static StoragePlan Quick { get; } = new([.. Full.Cases.Select(c => c.Scaled(0.1))], Rounds: 1);
}
