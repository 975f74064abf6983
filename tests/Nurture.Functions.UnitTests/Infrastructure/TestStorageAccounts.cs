using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.UnitTests.Infrastructure;

/// <summary>Hands the same queue and table services to every connection name.</summary>
public sealed class TestStorageAccounts(StorageAccount account) : IStorageAccounts
{
    public QueueServiceClient GetQueueService(string connectionName) => account.Queues;

    public TableServiceClient GetTableService(string connectionName) => account.Tables;

    /// <summary>Tables and queues of this test's own on the shared Azurite.</summary>
    public static TestStorageAccounts IsolatedAzurite() =>
        new(PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix()));
}
