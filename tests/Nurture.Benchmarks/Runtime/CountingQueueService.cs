using System.Runtime.CompilerServices;
using Nurture.Functions.Hosting;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Runtime;

/// <summary>Storage for the benchmark host that counts successful message deletes, i.e. completed messages.</summary>
internal sealed class CountingStorageAccounts(IQueueService queues, ITableService tables) : IStorageAccounts
{
    private readonly CountingQueueService _queues = new(queues);

    public long Deleted => Volatile.Read(ref _queues.DeletedCount);

    public IQueueService GetQueueService(string connectionName) => _queues;

    public ITableService GetTableService(string connectionName) => tables;

    private sealed class CountingQueueService(IQueueService inner) : IQueueService
    {
        public long DeletedCount;

        public IQueueClient GetQueueClient(string queueName) => new CountingQueueClient(inner.GetQueueClient(queueName), this);

        public IAsyncEnumerable<string> ListQueuesAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
            inner.ListQueuesAsync(prefix, cancellationToken);
    }

    private sealed class CountingQueueClient(IQueueClient inner, CountingQueueService owner) : IQueueClient
    {
        public string Name => inner.Name;

        public Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

        public Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default) => inner.DeleteIfExistsAsync(cancellationToken);

        public Task<SendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
            inner.SendAsync(text, visibilityDelay, timeToLive, cancellationToken);

        public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default) =>
            inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

        public Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default) =>
            inner.PeekAsync(maxMessages, cancellationToken);

        public Task<UpdateReceipt> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default) =>
            inner.UpdateAsync(messageId, popReceipt, visibilityTimeout, text, cancellationToken);

        public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
        {
            var deleted = await inner.DeleteAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
            if (deleted)
            {
                Interlocked.Increment(ref owner.DeletedCount);
            }

            return deleted;
        }

        public Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default) => inner.GetApproximateMessageCountAsync(cancellationToken);

        public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);
    }
}
