using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Nurture.Storage.Connections;

/// <summary>
/// The Table and Queue service clients of one storage account, created once and shared: the SDK clients are
/// thread-safe, keep their HTTP connections pooled and are meant to live as long as the app.
/// </summary>
public sealed class StorageAccount
{
    /// <summary>Wraps clients made elsewhere (tests that give each case its own names, benchmarks that count requests).</summary>
    public StorageAccount(TableServiceClient tables, QueueServiceClient queues)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        Tables = tables;
        Queues = queues;
    }

    /// <summary>The account's Table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>The account's Queue service; its queue clients encode message text as base64.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>The account's name.</summary>
    public string AccountName => Tables.AccountName;

    /// <summary>Clients for a storage connection string (<c>UseDevelopmentStorage=true</c>, an account key, explicit endpoints).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="movedToPoison">Called when a received message that is not base64 was moved to poison (queue, message id).</param>
    public static StorageAccount FromConnectionString(string connectionString, Action<string, string>? movedToPoison = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageAccount(
            new TableServiceClient(connectionString, StorageClientDefaults.TableOptions()),
            new QueueServiceClient(connectionString, StorageClientDefaults.QueueOptions(movedToPoison)));
    }
}
