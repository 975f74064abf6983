using Nurture.Benchmarks.Storage;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Tests;

/// <summary>
/// Both sides of the storage benchmark (Nurture's layer and the SDK directly) on Azurite (or the account in
/// NURTURE_TEST_STORAGE) with tiny counts: each runs every operation, counts the same units and cleans up.
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
        var sdkName = benchmarkCase.Operation == StorageOperation.QueueCycle ? TestNames.Queue("bs") : TestNames.Table("bs");

        var nurture = await new StorageSide(tables, queues, StorageCalls.Nurture).RunAsync(benchmarkCase, nurtureName, CancellationToken.None);
        var sdk = await new StorageSide(tables, queues, StorageCalls.Sdk).RunAsync(benchmarkCase, sdkName, CancellationToken.None);

        Assert.Equal(benchmarkCase.Operations * benchmarkCase.UnitsPerOperation, nurture.Units);
        Assert.Equal(nurture.Units, sdk.Units);
        Assert.True(nurture.Seconds > 0 && sdk.Seconds > 0);
        foreach (var name in new[] { nurtureName, sdkName })
        {
            Assert.Equal(0, await CountAsync(tables.QueryAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"TableName eq {name}"))));
            Assert.Equal(0, await CountAsync(queues.GetQueuesAsync(prefix: name)));
        }
    }

    [Fact]
    public async Task NurtureSide_ChecksAzuresKeyRulesBeforeSending_TheSdkSideAsksTheService()
    {
        var table = StorageTestEnvironment.Account.Tables.GetTableClient(TestNames.Table("br"));
        await table.CreateIfNotExistsAsync();
        try
        {
            var entity = new Azure.Data.Tables.TableEntity("p", "bad#key");

            await Assert.ThrowsAnyAsync<ArgumentException>(() => StorageCalls.Nurture.UpsertAsync(table, entity, CancellationToken.None));
            var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => StorageCalls.Sdk.UpsertAsync(table, entity, CancellationToken.None));
            Assert.Equal(400, refused.Status);
        }
        finally
        {
            await table.DeleteAsync();
        }
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
