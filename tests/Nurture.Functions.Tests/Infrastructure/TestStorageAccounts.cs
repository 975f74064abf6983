using Nurture.Functions.Hosting;
using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>Hands the same queue and table services to every connection name.</summary>
public sealed class TestStorageAccounts(IQueueService queues, ITableService tables) : IStorageAccounts
{
    public IQueueService Queues { get; } = queues;

    public ITableService Tables { get; } = tables;

    public IQueueService GetQueueService(string connectionName) => Queues;

    public ITableService GetTableService(string connectionName) => Tables;

    /// <summary>
    /// Tables and queues of their own on the shared Azurite, so a host's queue listeners cannot take other tests'
    /// messages; <paramref name="duplicateQueueSends"/> delivers every message twice.
    /// </summary>
    public static TestStorageAccounts IsolatedAzurite(bool duplicateQueueSends = false)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new TestStorageAccounts(
            new PrefixedQueueService(new RestQueueService(StorageTestEnvironment.Connection), "t" + id + "-", duplicateQueueSends),
            new PrefixedTableService(new RestTableService(StorageTestEnvironment.Connection), "t" + id));
    }
}
