using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Nurture.Storage.Queues;

namespace Nurture.Storage.InMemory;

/// <summary>
/// Queue storage in memory with the service's semantics (visibility by the clock, dequeue counts, a new pop
/// receipt on every receive and update, TTL expiry, the same limits and 404 outcomes), for fast unit tests.
/// The contract test suite keeps it honest.
/// </summary>
public sealed class InMemoryQueueService : IQueueService
{
    private readonly ConcurrentDictionary<string, InMemoryQueue> _queues;

    /// <summary>Creates an empty account whose clock is <paramref name="timeProvider"/>; message text is stored base64-encoded.</summary>
    public InMemoryQueueService(TimeProvider? timeProvider = null)
        : this(new ConcurrentDictionary<string, InMemoryQueue>(StringComparer.Ordinal), timeProvider ?? TimeProvider.System, QueueMessageEncoding.Base64)
    {
    }

    private InMemoryQueueService(ConcurrentDictionary<string, InMemoryQueue> queues, TimeProvider timeProvider, QueueMessageEncoding encoding)
    {
        _queues = queues;
        TimeProvider = timeProvider;
        MessageEncoding = encoding;
    }

    /// <summary>How this service's clients store message text (see <see cref="StorageClientOptions.MessageEncoding"/>).</summary>
    public QueueMessageEncoding MessageEncoding { get; }

    internal TimeProvider TimeProvider { get; }

    /// <summary>
    /// Another view of the same account whose clients encode text differently, as two REST services with
    /// different options over one storage account.
    /// </summary>
    public InMemoryQueueService WithMessageEncoding(QueueMessageEncoding encoding) => new(_queues, TimeProvider, encoding);

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

    internal bool Create(string name) => _queues.TryAdd(name, new InMemoryQueue());

    internal bool Delete(string name) => _queues.TryRemove(name, out _);

    /// <summary>The queue, or the service's 404 <c>QueueNotFound</c>.</summary>
    internal InMemoryQueue Find(string name) =>
        _queues.TryGetValue(name, out var queue)
            ? queue
            : throw new StorageRequestException(404, QueueErrorCodes.QueueNotFound, null, $"The specified queue does not exist ({name}).");
}
