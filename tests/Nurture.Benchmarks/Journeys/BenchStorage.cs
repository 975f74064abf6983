using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Functions.Hosting;
using Nurture.LocalHost.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// Nurture's tables and queues under a name prefix of the run's own, for the app and for the local host's queue
/// listeners and timers alike, so a run can share an account with tests and delete what it made.
/// </summary>
internal sealed class BenchStorage(string connectionString, string prefix) : IStorageAccounts, IStorageConnections
{
    private readonly StorageAccount _account = PrefixedStorage.Create(connectionString, prefix);

    public string Prefix { get; } = prefix;

    public QueueServiceClient GetQueueService(string connectionName) => _account.Queues;

    public TableServiceClient GetTableService(string connectionName) => _account.Tables;

    public StorageAccount Get(string connectionName) => _account;

    /// <summary>Deletes the prefixed tables and queues.</summary>
    public async Task DeleteAllAsync(CancellationToken ct)
    {
        foreach (var table in await _account.Tables.QueryAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false))
        {
            await _account.Tables.GetTableClient(table.Name).DeleteAsync(ct).ConfigureAwait(false);
        }

        foreach (var queue in await _account.Queues.GetQueuesAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false))
        {
            await _account.Queues.GetQueueClient(queue.Name).DeleteIfExistsAsync(ct).ConfigureAwait(false);
        }
    }
}
