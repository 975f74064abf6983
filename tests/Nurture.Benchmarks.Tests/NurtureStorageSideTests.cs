using Nurture.Benchmarks.Storage;
using Nurture.Storage.InMemory;

namespace Nurture.Benchmarks.Tests;

/// <summary>Nurture's side on the in-memory services: it counts the right units and leaves nothing behind.</summary>
public sealed class NurtureStorageSideTests
{
    [Theory]
    [MemberData(nameof(TinyCases.All), MemberType = typeof(TinyCases))]
    public async Task RunAsync_CountsEveryUnitAndDeletesItsTableOrQueue(StorageCase benchmarkCase)
    {
        var tables = new InMemoryTableService();
        var queues = new InMemoryQueueService();
        var side = new NurtureStorageSide(tables, queues);

        var measured = await side.RunAsync(benchmarkCase, "bench" + Guid.NewGuid().ToString("N"), CancellationToken.None);

        Assert.Equal((long)benchmarkCase.Operations * benchmarkCase.UnitsPerOperation, measured.Units);
        Assert.True(measured.Seconds > 0);
        Assert.True(measured.AllocatedBytes > 0);
        Assert.Empty(await tables.ListTablesAsync().ToListAsync());
        Assert.Empty(await queues.ListQueuesAsync().ToListAsync());
    }
}
