
namespace Nurture.Benchmarks.Storage;

/// <summary>The queue rows.</summary>
public sealed partial class StorageSide
{
    private async Task<StorageMeasurement> RunQueueAsync(StorageCase benchmarkCase, string name, CancellationToken ct)
    {
        var queue = queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        try
        {
            async Task CycleAsync(int i, CancellationToken token)
            {
                await calls.EnqueueAsync(queue, BenchEntities.MessageText(i), token).ConfigureAwait(false);

                // Another worker may have taken the message this one put; any visible message will do, and
                // one is there, because every worker puts before it gets.
                while (true)
                {
                    var received = (await queue.ReceiveMessagesAsync(1, cancellationToken: token).ConfigureAwait(false)).Value;
                    if (received.Length > 0)
                    {
                        if (!received[0].MessageText.StartsWith('{'))
                        {
                            throw new InvalidOperationException("A received message did not decode to the text that was put.");
                        }

                        await queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt, token).ConfigureAwait(false);
                        return;
                    }
                }
            }

            return await MeasureAsync(benchmarkCase, CycleAsync, CycleAsync, ct).ConfigureAwait(false);
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
