using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Nurture.Storage.Connections;

namespace Nurture.Functions.Hosting;

/// <summary>The SDK clients for each connection setting, resolved the way Functions does and created once per name.</summary>
internal sealed class ConfiguredStorageAccounts(IConfiguration configuration) : IStorageAccounts
{
    private readonly ConcurrentDictionary<string, Lazy<StorageAccount>> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public QueueServiceClient GetQueueService(string connectionName) => Account(connectionName).Queues;

    public TableServiceClient GetTableService(string connectionName) => Account(connectionName).Tables;

    private StorageAccount Account(string name) =>
        _accounts.GetOrAdd(name, n => new Lazy<StorageAccount>(() => StorageConnectionSettings.Resolve(configuration, n))).Value;
}
