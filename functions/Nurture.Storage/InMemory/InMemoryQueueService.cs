using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Nurture.Storage.Queues;

namespace Nurture.Storage.InMemory;

/// <summary>
/// Queue storage in memory with the service's semantics (visibility by the clock, dequeue counts, a new pop
/// receipt on every receive and update, TTL expiry), for fast unit tests. The contract suite keeps it honest.
/// </summary>
public sealed class InMemoryQueueService : IQueueService
{
    private readonly ConcurrentDictionary<string, InMemoryQueue> _queues = new(StringComparer.Ordinal);

    /// <summary>Creates an empty account whose clock is <paramref name="timeProvider"/>.</summary>
    public InMemoryQueueService(TimeProvider? timeProvider = null) => TimeProvider = timeProvider ?? TimeProvider.System;

    internal TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public IQueueClient GetQueueClient(string queueName) => new InMemoryQueueClient(this, queueName);

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListQueuesAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var name in _queues.Keys.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (prefix is null || name.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return name;
            }
        }
    }

    internal InMemoryQueue? Find(string name) => _queues.GetValueOrDefault(name);

    internal bool Create(string name) => _queues.TryAdd(name, new InMemoryQueue());

    internal bool Delete(string name) => _queues.TryRemove(name, out _);
}
