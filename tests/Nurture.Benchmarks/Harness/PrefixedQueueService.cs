using System.Runtime.CompilerServices;
using Nurture.Storage.Queues;

namespace Nurture.Benchmarks.Harness;

/// <summary>Puts a prefix in front of every queue name (lower-case letters and digits keep names valid).</summary>
internal sealed class PrefixedQueueService(IQueueService inner, string prefix) : IQueueService
{
    public IQueueClient GetQueueClient(string queueName) => inner.GetQueueClient(prefix + queueName);

    public async IAsyncEnumerable<string> ListQueuesAsync(string? prefixFilter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in inner.ListQueuesAsync(prefix + prefixFilter, cancellationToken).ConfigureAwait(false))
        {
            yield return name[prefix.Length..];
        }
    }
}
