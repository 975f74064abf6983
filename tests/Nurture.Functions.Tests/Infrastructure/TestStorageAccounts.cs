using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Functions.Hosting;
using Nurture.LocalHost.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>
/// One storage account for every connection name, both for the app (<see cref="IStorageAccounts"/>) and for the local
/// host's queue listeners and timers (<see cref="IStorageConnections"/>).
/// </summary>
public sealed class TestStorageAccounts(StorageAccount account) : IStorageAccounts, IStorageConnections
{
    public StorageAccount Account { get; } = account;

    public QueueServiceClient Queues => Account.Queues;

    public TableServiceClient Tables => Account.Tables;

    public QueueServiceClient GetQueueService(string connectionName) => Queues;

    public TableServiceClient GetTableService(string connectionName) => Tables;

    public StorageAccount Get(string connectionName) => Account;

    /// <summary>
    /// Tables and queues of their own on the shared Azurite, so a host's queue listeners cannot take other tests'
    /// messages; <paramref name="duplicateQueueSends"/> delivers every message twice.
    /// </summary>
    public static TestStorageAccounts IsolatedAzurite(bool duplicateQueueSends = false) =>
        new(PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix(), duplicateQueueSends));
}
