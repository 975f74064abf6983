using Azure.Storage.Queues;
using Nurture.Storage.Queues;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>The <c>journey-batches</c> queue: one message per page of a batch start.</summary>
public sealed class BatchPageQueue
{
    /// <summary>The queue's name.</summary>
    public const string QueueName = "journey-batches";

    private readonly QueueClient _queue;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="queue">The <c>journey-batches</c> queue.</param>
    public BatchPageQueue(QueueClient queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _queue = queue;
    }

    /// <summary>Creates the queue if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Asks for a page to be processed.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="page">The page.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task EnqueueAsync(string batchId, int page, CancellationToken cancellationToken = default) =>
        _queue.EnqueueAsync(new BatchPageMessage(batchId, page).ToJson(), TimeSpan.Zero, QueueLimits.NeverExpires, cancellationToken);
}
