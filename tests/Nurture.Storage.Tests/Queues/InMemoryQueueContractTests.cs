using Nurture.Storage.InMemory;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>The queue contract against the in-memory twin, on a clock the tests move.</summary>
public sealed class InMemoryQueueContractTests : QueueContractTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryQueueService _account;

    public InMemoryQueueContractTests() => _account = new InMemoryQueueService(_clock);

    protected override IQueueService CreateService(QueueMessageEncoding encoding) => _account.WithMessageEncoding(encoding);

    protected override async Task<T> AfterAsync<T>(TimeSpan duration, Func<Task<T>> probe, Func<T, bool> done)
    {
        _clock.Advance(duration);
        return await probe();
    }
}
