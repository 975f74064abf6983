namespace Nurture.Storage.Queues;

/// <summary>A storage account's Queue service.</summary>
public interface IQueueService
{
    /// <summary>A client for one queue (no request is made).</summary>
    IQueueClient GetQueueClient(string queueName);

    /// <summary>Names of every queue in the account, optionally only those starting with a prefix.</summary>
    IAsyncEnumerable<string> ListQueuesAsync(string? prefix = null, CancellationToken cancellationToken = default);
}
