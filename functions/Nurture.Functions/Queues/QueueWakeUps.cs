using System.Collections.Concurrent;

namespace Nurture.Functions.Queues;

/// <summary>
/// Lets code that puts a delayed message on a queue tell this host's listener when the message becomes visible,
/// so an idle listener polls then rather than at the end of its backoff (up to <c>maxPollingInterval</c> later).
/// </summary>
/// <remarks>
/// A hint only makes a poll happen sooner; it never replaces polling. Messages another host scheduled, or that
/// were scheduled before this host started, are found by the ordinary backoff polls. Only hints due within
/// <see cref="Horizon"/> are kept, rounded up to <see cref="Granularity"/>, so the memory they take is bounded
/// however many timers a host schedules.
/// </remarks>
public sealed class QueueWakeUps
{
    /// <summary>How far ahead a hint is kept; later messages are left to polling.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(15);

    /// <summary>Hints are rounded up to this step, so many messages due at about the same time make one poll.</summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, Schedule> _queues = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates the hints for one host.</summary>
    /// <param name="time">The clock hints and waits are measured on.</param>
    public QueueWakeUps(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Tells the listener on <paramref name="queueName"/> that a message becomes visible at <paramref name="visibleAt"/>.</summary>
    /// <param name="queueName">The queue, as its client names it.</param>
    /// <param name="visibleAt">When the message becomes visible (the send's completion plus its visibility delay).</param>
    public void Expect(string queueName, DateTimeOffset visibleAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        var now = _time.GetUtcNow();
        if (visibleAt <= now || visibleAt - now > Horizon)
        {
            return;
        }

        var step = Granularity.Ticks;
        var ticks = (visibleAt.UtcTicks + step - 1) / step * step;
        _queues.GetOrAdd(queueName, _ => new Schedule()).Add(ticks);
    }

    /// <summary>
    /// Waits <paramref name="backoff"/>, or less when a message expected on <paramref name="queueName"/> becomes
    /// visible first. True when an expected message ended the wait.
    /// </summary>
    /// <param name="queueName">The queue the listener polls.</param>
    /// <param name="backoff">The longest wait.</param>
    /// <param name="cancellationToken">Ends the wait with <see cref="OperationCanceledException"/>.</param>
    public async Task<bool> WaitAsync(string queueName, TimeSpan backoff, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        var schedule = _queues.GetOrAdd(queueName, _ => new Schedule());
        var until = _time.GetUtcNow() + backoff;
        while (true)
        {
            var now = _time.GetUtcNow();
            var (next, changed) = schedule.Peek();
            if (next is { } due && due <= now.UtcTicks)
            {
                schedule.RemoveThrough(now.UtcTicks);
                return true;
            }

            if (now >= until)
            {
                return false;
            }

            var wakeAt = next is { } ticks && ticks < until.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : until;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(Task.Delay(wakeAt - now, _time, wait.Token), changed).ConfigureAwait(false);

                // A new hint ended the wait early: stop the timer rather than leave it running until it fires.
                await wait.CancelAsync().ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The expected times of one queue, earliest first, and a signal for a newly added one.</summary>
    private sealed class Schedule
    {
        private readonly SortedSet<long> _due = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(long ticks)
        {
            TaskCompletionSource changed;
            lock (_due)
            {
                if (!_due.Add(ticks))
                {
                    return;
                }

                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.SetResult();
        }

        public (long? Next, Task Changed) Peek()
        {
            lock (_due)
            {
                return (_due.Count == 0 ? null : _due.Min, _changed.Task);
            }
        }

        public void RemoveThrough(long ticks)
        {
            lock (_due)
            {
                _due.RemoveWhere(t => t <= ticks);
            }
        }
    }
}
