namespace Nurture.LocalHost.Queues;

/// <summary>
/// How long to wait before polling an empty queue again: randomized exponential growth from 100 ms up to
/// <c>maxPollingInterval</c>, back to nothing as soon as a poll returns messages (the Functions queue trigger's rule).
/// Not thread-safe: one per polling loop.
/// </summary>
public sealed class PollingBackoff
{
    /// <summary>The first wait after an empty poll.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan _maximum;
    private readonly Random _random;
    private TimeSpan _current = TimeSpan.Zero;

    /// <summary>Creates the backoff; pass a seeded <see cref="Random"/> to make it reproducible.</summary>
    public PollingBackoff(TimeSpan maximum, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, Minimum);
        _maximum = maximum;
        _random = random ?? Random.Shared;
    }

    /// <summary>The wait after one more empty poll: about double the previous (±20%), between 100 ms and the maximum.</summary>
    public TimeSpan NextDelay()
    {
        var doubled = _current == TimeSpan.Zero ? Minimum : _current * 2;
        var jittered = doubled * (0.8 + (_random.NextDouble() * 0.4));
        _current = jittered < Minimum ? Minimum : jittered > _maximum ? _maximum : jittered;
        return _current;
    }

    /// <summary>Messages came: poll again at once, and start the growth over next time the queue is empty.</summary>
    public void Reset() => _current = TimeSpan.Zero;
}
