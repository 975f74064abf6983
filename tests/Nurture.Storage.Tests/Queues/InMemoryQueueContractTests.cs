using Nurture.Storage.InMemory;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>The queue contract against the in-memory twin, on a clock the test moves.</summary>
public sealed class InMemoryQueueContractTests : QueueContractTests
{
    private readonly ManualTimeProvider _clock = new();

    public InMemoryQueueContractTests() => Service = new InMemoryQueueService(_clock);

    protected override IQueueService Service { get; }

    protected override async Task<T> EventuallyAsync<T>(TimeSpan after, Func<Task<T?>> probe)
        where T : class
    {
        Assert.Null(await probe());
        _clock.Advance(after + TimeSpan.FromMilliseconds(1));
        return await probe() ?? throw new Xunit.Sdk.XunitException($"Nothing arrived after {after}.");
    }
}
