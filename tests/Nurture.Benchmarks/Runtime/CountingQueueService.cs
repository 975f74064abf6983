using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;

namespace Nurture.Benchmarks.Runtime;

/// <summary>Storage for the benchmark host that counts successful message deletes, i.e. completed messages.</summary>
internal sealed class CountingStorageAccounts : IStorageAccounts
{
    private readonly DeleteCounter _deletes = new();
    private readonly QueueServiceClient _queues;
    private readonly TableServiceClient _tables;

    public CountingStorageAccounts(string connectionString)
    {
        var options = StorageClientDefaults.QueueOptions();
        options.AddPolicy(_deletes, HttpPipelinePosition.PerCall);
        _queues = new QueueServiceClient(connectionString, options);
        _tables = new TableServiceClient(connectionString, StorageClientDefaults.TableOptions());
    }

    public long Deleted => _deletes.Count;

    public QueueServiceClient GetQueueService(string connectionName) => _queues;

    public TableServiceClient GetTableService(string connectionName) => _tables;

    private sealed class DeleteCounter : HttpPipelineSynchronousPolicy
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override void OnReceivedResponse(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Delete && message.Response.Status == 204
                && message.Request.Uri.Path.Contains("/messages/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
