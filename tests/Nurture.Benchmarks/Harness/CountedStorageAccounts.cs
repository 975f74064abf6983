using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Functions.Hosting;
using Nurture.LocalHost.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Harness;

/// <summary>
/// The SDK storage clients with every request counted by a pipeline policy; with a name prefix, every table and queue
/// the app asks for gets its own prefixed name, so a run can share an account with tests and clean up after itself.
/// Registered as both the app's storage and the local host's trigger connections, the queue listener's requests count too.
/// </summary>
internal sealed class CountedStorageAccounts : IStorageAccounts, IStorageConnections
{
    private readonly StorageAccount _account;

    public CountedStorageAccounts(string connectionString, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        void Count(ClientOptions options) => options.AddPolicy(Counter, HttpPipelinePosition.PerCall);
        if (namePrefix.Length > 0)
        {
            _account = PrefixedStorage.Create(connectionString, namePrefix, configure: Count);
            return;
        }

        var tableOptions = StorageClientDefaults.TableOptions();
        var queueOptions = StorageClientDefaults.QueueOptions();
        Count(tableOptions);
        Count(queueOptions);
        _account = new StorageAccount(new TableServiceClient(connectionString, tableOptions), new QueueServiceClient(connectionString, queueOptions));
    }

    public RequestCounter Counter { get; } = new();

    public QueueServiceClient GetQueueService(string connectionName) => _account.Queues;

    public TableServiceClient GetTableService(string connectionName) => _account.Tables;

    public StorageAccount Get(string connectionName) => _account;
}
