using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Hosting;

/// <summary>Storage over REST for each connection setting, resolved like Functions does and created once per name.</summary>
internal sealed class ConfiguredStorageAccounts(IConfiguration configuration) : IStorageAccounts
{
    private readonly ConcurrentDictionary<string, Lazy<StorageConnection>> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IQueueService> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ITableService> _tables = new(StringComparer.OrdinalIgnoreCase);

    public IQueueService GetQueueService(string connectionName) =>
        _queues.GetOrAdd(connectionName, name => new RestQueueService(Connection(name)));

    public ITableService GetTableService(string connectionName) =>
        _tables.GetOrAdd(connectionName, name => new RestTableService(Connection(name)));

    private StorageConnection Connection(string name) =>
        _connections.GetOrAdd(name, n => new Lazy<StorageConnection>(() => StorageConnectionFactory.FromConfiguration(configuration, n))).Value;
}
