using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>The queue contract against the REST client on Azurite (or the account in NURTURE_TEST_STORAGE).</summary>
public sealed class AzuriteQueueContractTests : QueueContractTests
{
    protected override IQueueService Service { get; } = new RestQueueService(StorageTestEnvironment.Connection);

    protected override Task<T> EventuallyAsync<T>(TimeSpan after, Func<Task<T?>> probe)
        where T : class => Poll.UntilAsync(probe, after + TimeSpan.FromSeconds(15));
}
