using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Nurture.Functions.Hosting;

/// <summary>
/// The storage services behind a named connection setting (<c>AzureWebJobsStorage</c> unless a trigger names
/// another): the SDK's service clients, created once per name and shared.
/// </summary>
public interface IStorageAccounts
{
    /// <summary>The Queue service of the account the connection setting names (base64 messages).</summary>
    QueueServiceClient GetQueueService(string connectionName);

    /// <summary>The Table service of the account the connection setting names.</summary>
    TableServiceClient GetTableService(string connectionName);
}
