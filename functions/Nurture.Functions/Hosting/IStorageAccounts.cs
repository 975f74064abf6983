using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Hosting;

/// <summary>
/// The storage services behind a named connection setting (<c>AzureWebJobsStorage</c> unless a trigger names
/// another). The seam where tests put in-memory twins.
/// </summary>
public interface IStorageAccounts
{
    /// <summary>The Queue service of the account the connection setting names.</summary>
    IQueueService GetQueueService(string connectionName);

    /// <summary>The Table service of the account the connection setting names.</summary>
    ITableService GetTableService(string connectionName);
}
