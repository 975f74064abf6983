using Azure.Core;
using Nurture.Functions.Hosting;
using Nurture.Storage;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Harness;

/// <summary>
/// The REST storage services with every request counted; with a name prefix, every table and queue the app asks
/// for gets its own prefixed name, so a run can share an account with tests and clean up after itself.
/// </summary>
internal sealed class CountedStorageAccounts : IStorageAccounts
{
    private readonly IQueueService _queues;
    private readonly ITableService _tables;

    public CountedStorageAccounts(string connectionString, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        var options = new StorageClientOptions();
        options.AddPolicy(Counter, HttpPipelinePosition.PerCall);
        var connection = StorageConnection.Parse(connectionString);
        var queues = new RestQueueService(connection, options);
        var tables = new RestTableService(connection, options);
        _queues = namePrefix.Length == 0 ? queues : new PrefixedQueueService(queues, namePrefix);
        _tables = namePrefix.Length == 0 ? tables : new PrefixedTableService(tables, namePrefix);
    }

    public RequestCounter Counter { get; } = new();

    public IQueueService GetQueueService(string connectionName) => _queues;

    public ITableService GetTableService(string connectionName) => _tables;
}
