using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>Hands the same queue and table services to every connection name.</summary>
public sealed class TestStorageAccounts(StorageAccount account) : IStorageAccounts
{
    public QueueServiceClient Queues { get; } = account.Queues;

    public TableServiceClient Tables { get; } = account.Tables;

    public QueueServiceClient GetQueueService(string connectionName) => Queues;

    public TableServiceClient GetTableService(string connectionName) => Tables;

    /// <summary>
    /// Tables and queues of their own on the shared Azurite, so a host's queue listeners cannot take other tests'
    /// messages; <paramref name="duplicateQueueSends"/> delivers every message twice.
    /// </summary>
    public static TestStorageAccounts IsolatedAzurite(bool duplicateQueueSends = false) =>
        new(PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix(), duplicateQueueSends));
}
