using Nurture.Benchmarks.Storage;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Tests;

/// <summary>
/// Both sides of the storage benchmark on Azurite (or the account in NURTURE_TEST_STORAGE) with tiny counts:
/// the JavaScript script runs every operation, reports the same units as Nurture's side, and both clean up.
/// </summary>
public sealed class BothSidesOnAzuriteTests
{
    [Theory]
    [MemberData(nameof(TinyCases.All), MemberType = typeof(TinyCases))]
    public async Task BothSides_CountTheSameUnitsAndDeleteTheirTableOrQueue(StorageCase benchmarkCase)
    {
        var tables = StorageTestEnvironment.Account.Tables;
        var queues = StorageTestEnvironment.Account.Queues;
        var nurtureName = benchmarkCase.Operation == StorageOperation.QueueCycle ? TestNames.Queue("bn") : TestNames.Table("bn");
        var jsName = benchmarkCase.Operation == StorageOperation.QueueCycle ? TestNames.Queue("bj") : TestNames.Table("bj");

        var nurture = await new NurtureStorageSide(tables, queues).RunAsync(benchmarkCase, nurtureName, CancellationToken.None);
        await using var jsSide = new JsStorageSide(StorageTestEnvironment.ConnectionString);
        var js = await jsSide.RunAsync(benchmarkCase, jsName, CancellationToken.None);

        Assert.Equal(nurture.Units, js.Units);
        Assert.True(js.Seconds > 0);
        foreach (var name in new[] { nurtureName, jsName })
        {
            Assert.Equal(0, await CountAsync(tables.QueryAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"TableName eq {name}"))));
            Assert.Equal(0, await CountAsync(queues.GetQueuesAsync(prefix: name)));
        }
    }

    [Fact]
    public async Task JsSide_WhenACaseFails_ReportsTheScriptsErrorAndKeepsServingLaterCases()
    {
        await using var js = new JsStorageSide(StorageTestEnvironment.ConnectionString);
        var upsert = new StorageCase("upsert", StorageOperation.Upsert, 2, Operations: 4, Warmup: 1);

        // Table names must start with a letter, so the service refuses to create this one.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => js.RunAsync(upsert, "1invalid", CancellationToken.None));
        var measured = await js.RunAsync(upsert, TestNames.Table("bj"), CancellationToken.None);

        Assert.Contains("upsert", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, measured.Units);
    }

    // Counted by hand: System.Linq.Async (through the local host's Durable packages) and .NET's own
    // System.Linq.AsyncEnumerable both offer ToListAsync, so calling it is ambiguous here.
    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }
}
