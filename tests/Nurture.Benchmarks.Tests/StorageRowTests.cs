using Nurture.Benchmarks.Storage;

namespace Nurture.Benchmarks.Tests;

public sealed class StorageRowTests
{
    private static readonly StorageCase Batch = new("batch", StorageOperation.Batch, 1, Operations: 10, Warmup: 1);

    [Fact]
    public void ToRow_AtExactlyTheTargetRatio_MeetsTheTarget()
    {
        var row = StorageBenchmark.ToRow(Batch, new StorageMeasurement(950, 1.0, 1_900), new StorageMeasurement(1_000, 1.0));

        Assert.True(row.TargetMet);
        Assert.Equal(0.95, row.Ratio!.Value, 6);
        Assert.Equal("SDK direct", row.BaselineName);
        Assert.Equal("entities/s", row.Unit);
        Assert.Equal(2.0, row.AllocatedBytesPerOp);
    }

    [Fact]
    public void ToRow_JustBelowTheTarget_ReportsItMissed()
    {
        var row = StorageBenchmark.ToRow(Batch, new StorageMeasurement(949, 1.0, 0), new StorageMeasurement(1_000, 1.0));

        Assert.False(row.TargetMet);
    }

    [Fact]
    public void Plus_AddsUnitsSecondsAndAllocations()
    {
        var total = new StorageMeasurement(100, 2.0, 1_000).Plus(new StorageMeasurement(300, 2.0, 3_000));

        Assert.Equal(100.0, total.PerSecond);
        Assert.Equal(10.0, total.AllocatedBytesPerUnit);
    }

    [Fact]
    public void QuickPlan_KeepsEveryRowAndItsPreloadButRunsFewerOperations()
    {
        Assert.Equal(StoragePlan.Full.Cases.Select(c => (c.Name, c.Rows)), StoragePlan.Quick.Cases.Select(c => (c.Name, c.Rows)));
        Assert.All(StoragePlan.Full.Cases.Zip(StoragePlan.Quick.Cases), pair => Assert.InRange(pair.Second.Operations, 1, pair.First.Operations - 1));
    }
}
