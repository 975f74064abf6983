using Nurture.LocalHost.Queues;

namespace Nurture.LocalHost.Tests.Queues;

public sealed class QueuePolicyTests
{
    [Fact]
    public void NextDelay_GrowsFromAbout100MsUpToTheMaximum_AndResetStartsOver()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(2), new Random(7));

        var delays = Enumerable.Range(0, 12).Select(_ => backoff.NextDelay()).ToList();
        backoff.Reset();
        var afterReset = backoff.NextDelay();

        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(120));
        Assert.True(delays[3] > delays[0] * 4, $"delays should grow exponentially: {string.Join(", ", delays)}");
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(2), delays[^1]);
        Assert.InRange(afterReset, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(120));
    }

    [Fact]
    public void NextDelay_IsRandomized()
    {
        var first = new PollingBackoff(TimeSpan.FromMinutes(1), new Random(1));
        var second = new PollingBackoff(TimeSpan.FromMinutes(1), new Random(2));

        var a = Enumerable.Range(0, 5).Select(_ => first.NextDelay()).ToList();
        var b = Enumerable.Range(0, 5).Select(_ => second.NextDelay()).ToList();

        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(1, 5, QueueFailureAction.Retry)]
    [InlineData(4, 5, QueueFailureAction.Retry)]
    [InlineData(5, 5, QueueFailureAction.MoveToPoison)]
    [InlineData(7, 5, QueueFailureAction.MoveToPoison)]
    [InlineData(1, 1, QueueFailureAction.MoveToPoison)]
    public void Decide_PoisonsAtMaxDequeueCount(long dequeueCount, int max, QueueFailureAction expected) =>
        Assert.Equal(expected, QueueFailurePolicy.Decide(dequeueCount, max));
}
