using Nurture.Functions.Hosting;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>Hands the same queue and table services to every connection name.</summary>
public sealed class TestStorageAccounts(IQueueService queues, ITableService tables) : IStorageAccounts
{
    public IQueueService Queues { get; } = queues;

    public ITableService Tables { get; } = tables;

    public IQueueService GetQueueService(string connectionName) => Queues;

    public ITableService GetTableService(string connectionName) => Tables;
}
