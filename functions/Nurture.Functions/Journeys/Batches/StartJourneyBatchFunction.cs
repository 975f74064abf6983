using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Nurture.Storage.Connections;

namespace Nurture.Functions.Journeys.Batches;

/// <summary><c>StartJourneyBatch</c> on <c>journey-batches</c>: one page of a list or segment start per message.</summary>
public sealed class StartJourneyBatchFunction(JourneyBatchProcessor processor, IOptions<JourneyBatchOptions> options)
{
    /// <summary>Starts the page's contacts; on the last attempt a failure is also recorded on the batch.</summary>
    [Function(FunctionNames.StartJourneyBatch)]
    public async Task RunAsync(
        [QueueTrigger(BatchPageQueue.QueueName, Connection = StorageConnectionSettings.DefaultConnectionName)] QueueMessage message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // A message that is not a page message throws here and ends in journey-batches-poison after the retries.
        var page = BatchPageMessage.Parse(message.MessageText);
        try
        {
            await processor.ProcessAsync(page, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (message.DequeueCount >= options.Value.MaxDequeueCount)
        {
            // The last attempt: say so on the batch, then fail as usual so the message goes to poison.
            await processor.FailAsync(page, message.DequeueCount, error, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }
}
