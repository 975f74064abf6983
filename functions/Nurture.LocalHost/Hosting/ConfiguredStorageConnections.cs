using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Queues;
using Nurture.Storage.Connections;

namespace Nurture.LocalHost.Hosting;

/// <summary>
/// The clients of each connection setting, resolved as Functions does (<see cref="StorageConnectionSettings"/>) and
/// created once per name. Their queue clients move a message that is not base64 to poison and log it.
/// </summary>
internal sealed class ConfiguredStorageConnections(IConfiguration configuration, ILogger<ConfiguredStorageConnections> logger) : IStorageConnections
{
    private readonly ConcurrentDictionary<string, Lazy<StorageAccount>> _accounts = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public StorageAccount Get(string connectionName) =>
        _accounts.GetOrAdd(connectionName, n => new Lazy<StorageAccount>(() => StorageConnectionSettings.Resolve(configuration, n, movedToPoison: MovedToPoison))).Value;

    private void MovedToPoison(string queueName, string messageId) => QueueLog.UndecodableMovedToPoison(logger, queueName, messageId);
}
