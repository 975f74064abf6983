using Azure.Core;
using Nurture.Functions.Hosting;
using Nurture.Storage;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>The REST storage services with every request counted.</summary>
internal sealed class CountedStorageAccounts : IStorageAccounts
{
    private readonly RestQueueService _queues;
    private readonly RestTableService _tables;

    public CountedStorageAccounts(string connectionString)
    {
        var options = new StorageClientOptions();
        options.AddPolicy(Counter, HttpPipelinePosition.PerCall);
        var connection = StorageConnection.Parse(connectionString);
        _queues = new RestQueueService(connection, options);
        _tables = new RestTableService(connection, options);
    }

    public RequestCounter Counter { get; } = new();

    public IQueueService GetQueueService(string connectionName) => _queues;

    public ITableService GetTableService(string connectionName) => _tables;
}
