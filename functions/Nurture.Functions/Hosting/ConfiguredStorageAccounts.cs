using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Queues;
using Nurture.Storage.Connections;

namespace Nurture.Functions.Hosting;

/// <summary>The SDK clients for each connection setting, resolved the way Functions does and created once per name.</summary>
internal sealed class ConfiguredStorageAccounts(IConfiguration configuration, ILogger<ConfiguredStorageAccounts> logger) : IStorageAccounts
{
    private readonly ConcurrentDictionary<string, Lazy<StorageAccount>> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public QueueServiceClient GetQueueService(string connectionName) => Account(connectionName).Queues;

    public TableServiceClient GetTableService(string connectionName) => Account(connectionName).Tables;

    private void MovedToPoison(string queueName, string messageId) => QueueLog.UndecodableMovedToPoison(logger, queueName, messageId);

    private StorageAccount Account(string name) =>
        _accounts.GetOrAdd(name, n => new Lazy<StorageAccount>(() => StorageConnectionSettings.Resolve(configuration, n, movedToPoison: MovedToPoison))).Value;
}
