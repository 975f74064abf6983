using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>
/// The queue contract against the REST client on Azurite (or the account in NURTURE_TEST_STORAGE). Time passes
/// for real here, so waits poll with a deadline.
/// </summary>
public sealed class AzuriteQueueContractTests : QueueContractTests
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(20);

    protected override IQueueService CreateService(QueueMessageEncoding encoding) =>
        new RestQueueService(StorageTestEnvironment.Connection, new StorageClientOptions { MessageEncoding = encoding });

    protected override async Task<T> AfterAsync<T>(TimeSpan duration, Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + duration + Slack;
        while (true)
        {
            var result = await probe();
            if (done(result) || DateTimeOffset.UtcNow >= deadline)
            {
                return result;
            }

            await Task.Delay(PollInterval);
        }
    }
}
