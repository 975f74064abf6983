using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Journeys.Tests.Infrastructure;

/// <summary>Tables and queues of one test's own on the shared Azurite, for every connection name.</summary>
public sealed class PrefixedStorageAccounts : IStorageAccounts
{
    private readonly StorageAccount _account = PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix());

    public QueueServiceClient GetQueueService(string connectionName) => _account.Queues;

    public TableServiceClient GetTableService(string connectionName) => _account.Tables;
}
