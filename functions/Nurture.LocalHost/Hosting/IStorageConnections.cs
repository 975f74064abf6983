using Nurture.Storage.Connections;

namespace Nurture.LocalHost.Hosting;

/// <summary>
/// The storage account behind a connection setting that a trigger names (<c>AzureWebJobsStorage</c> unless the
/// metadata says otherwise). Register another implementation to give the host's triggers other clients (tests do,
/// to prefix every queue and table name).
/// </summary>
public interface IStorageConnections
{
    /// <summary>The account's clients; the same instance for the same name.</summary>
    /// <exception cref="InvalidOperationException">The setting is missing or malformed; the message names it.</exception>
    StorageAccount Get(string connectionName);
}
