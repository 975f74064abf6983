using System.Diagnostics;
using Nurture.Functions.Queues;

namespace Nurture.Functions.Tests.Queues;

public sealed class QueueWakeUpsTests
{
    private const string Queue = "journey-work";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongBackoff = TimeSpan.FromMinutes(1);

    private readonly QueueWakeUps _wakeUps = new(TimeProvider.System);

    [Fact]
    public async Task WaitAsync_WhenAMessageIsExpectedBeforeTheBackoffEnds_ReturnsWhenItIsVisible()
    {
        var clock = Stopwatch.StartNew();
        _wakeUps.Expect(Queue, DateTimeOffset.UtcNow.AddMilliseconds(300));

        var woken = await _wakeUps.WaitAsync(Queue, LongBackoff, CancellationToken.None).WaitAsync(Deadline);

        Assert.True(woken);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"woke after {clock.Elapsed.TotalMilliseconds:F0} ms, before the message was visible");
    }

    [Fact]
    public async Task WaitAsync_WhenAMessageIsExpectedWhileWaiting_WakesForIt()
    {
        var waiting = _wakeUps.WaitAsync(Queue, LongBackoff, CancellationToken.None);

        _wakeUps.Expect(Queue, DateTimeOffset.UtcNow.AddMilliseconds(100));

        Assert.True(await waiting.WaitAsync(Deadline));
    }

    [Fact]
    public async Task WaitAsync_IgnoresOtherQueuesAndMessagesBeyondTheHorizon_AndWaitsTheBackoff()
    {
        _wakeUps.Expect("other-queue", DateTimeOffset.UtcNow.AddMilliseconds(50));
        _wakeUps.Expect(Queue, DateTimeOffset.UtcNow + QueueWakeUps.Horizon + TimeSpan.FromMinutes(1));
        var clock = Stopwatch.StartNew();

        var woken = await _wakeUps.WaitAsync(Queue, TimeSpan.FromMilliseconds(400), CancellationToken.None).WaitAsync(Deadline);

        Assert.False(woken);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"returned after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Expect_ManyMessagesDueTogether_WakeTheListenerOnce()
    {
        var at = DateTimeOffset.UtcNow.AddMilliseconds(200);
        for (var i = 0; i < 100; i++)
        {
            _wakeUps.Expect(Queue, at);
        }

        Assert.True(await _wakeUps.WaitAsync(Queue, LongBackoff, CancellationToken.None).WaitAsync(Deadline));
        Assert.False(await _wakeUps.WaitAsync(Queue, TimeSpan.FromMilliseconds(200), CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task WaitAsync_WhenCancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var waiting = _wakeUps.WaitAsync(Queue, LongBackoff, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Deadline));
    }
}
