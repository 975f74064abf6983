using System.Collections.Concurrent;
using Nurture.Benchmarks.Harness;

namespace Nurture.Benchmarks.Tests;

public sealed class ConcurrentLoopTests
{
    [Fact]
    public async Task RunAsync_RunsEveryIndexOnceWithAtMostTheGivenConcurrency()
    {
        var seen = new ConcurrentBag<int>();
        var inFlight = 0;
        var maxInFlight = 0;

        await ConcurrentLoop.RunAsync(
            200,
            4,
            async (i, ct) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                await Task.Yield();
                seen.Add(i);
                Interlocked.Decrement(ref inFlight);
            },
            CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 200), seen.Order());
        Assert.InRange(maxInFlight, 1, 4);
    }

    [Fact]
    public async Task RunAsync_WhenAnOperationFails_Throws()
    {
        var failing = ConcurrentLoop.RunAsync(10, 2, (i, ct) => i == 5 ? throw new InvalidOperationException("boom") : Task.CompletedTask, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
