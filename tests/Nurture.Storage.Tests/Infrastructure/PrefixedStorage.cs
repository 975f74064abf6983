using System.Runtime.CompilerServices;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>Gives one test its own tables and queues on a shared account by prefixing every name the app uses.</summary>
public sealed class PrefixedTableService(ITableService inner, string prefix) : ITableService
{
    public ITableClient GetTableClient(string tableName) => inner.GetTableClient(prefix + tableName);

    public async IAsyncEnumerable<string> ListTablesAsync(string? namePrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in inner.ListTablesAsync(prefix + namePrefix, cancellationToken).ConfigureAwait(false))
        {
            yield return name[prefix.Length..];
        }
    }
}

/// <summary>Queue counterpart of <see cref="PrefixedTableService"/>; optionally delivers every message twice.</summary>
public sealed class PrefixedQueueService(IQueueService inner, string prefix, bool duplicateSends = false) : IQueueService
{
    public IQueueClient GetQueueClient(string queueName)
    {
        var client = inner.GetQueueClient(prefix + queueName);
        return duplicateSends ? new DuplicatingQueueClient(client) : client;
    }

    public async IAsyncEnumerable<string> ListQueuesAsync(string? namePrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in inner.ListQueuesAsync(prefix + namePrefix, cancellationToken).ConfigureAwait(false))
        {
            yield return name[prefix.Length..];
        }
    }
}

/// <summary>A queue that delivers every message twice: at-least-once delivery at its worst.</summary>
public sealed class DuplicatingQueueClient(IQueueClient inner) : IQueueClient
{
    public string Name => inner.Name;

    public Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

    public Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default) => inner.DeleteIfExistsAsync(cancellationToken);

    public async Task<SendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        await inner.SendAsync(text, visibilityDelay, timeToLive, cancellationToken).ConfigureAwait(false);
        return await inner.SendAsync(text, visibilityDelay, timeToLive, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default) =>
        inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

    public Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default) => inner.PeekAsync(maxMessages, cancellationToken);

    public Task<UpdateReceipt> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(messageId, popReceipt, visibilityTimeout, text, cancellationToken);

    public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) => inner.DeleteAsync(messageId, popReceipt, cancellationToken);

    public Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default) => inner.GetApproximateMessageCountAsync(cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);
}
