using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.Journeys.Batches;

/// <summary><c>StartJourneyBatch</c> on <c>journey-batches</c>: one page of a list or segment start per message.</summary>
public static class StartJourneyBatchFunction
{
    /// <summary>The catalog entry.</summary>
    public static QueueFunction Definition { get; } = new(
        FunctionNames.StartJourneyBatch,
        new QueueTrigger(BatchPageQueue.QueueName),
        RunAsync);

    private static async Task RunAsync(QueueTriggerMessage message, FunctionContext context)
    {
        // A message that is not a page message throws here and ends in journey-batches-poison after the retries.
        var page = BatchPageMessage.Parse(message.Text);
        var processor = context.Services.GetRequiredService<JourneyBatchProcessor>();
        try
        {
            await processor.ProcessAsync(page, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (message.DequeueCount >= context.Services.GetRequiredService<IOptions<QueueListenerOptions>>().Value.MaxDequeueCount)
        {
            // The last attempt: say so on the batch, then fail as usual so the message goes to poison.
            await processor.FailAsync(page, message.DequeueCount, error, context.CancellationToken).ConfigureAwait(false);
            throw;
        }
    }
}
