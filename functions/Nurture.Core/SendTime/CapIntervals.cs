using Nurture.Core.Journeys.Policies;

namespace Nurture.Core.SendTime;

/// <summary>When a frequency cap is full, as blocked intervals for <see cref="SendTimeAdvisor"/>. Pure.</summary>
public static class CapIntervals
{
    /// <summary>
    /// The instants at which <paramref name="cap"/> already holds its maximum of the given sends: one more at t would
    /// make <see cref="FrequencyCap.Max"/> + 1 sends in (t − window, t]. Overlapping intervals are joined.
    /// </summary>
    /// <param name="sends">When the messages that count toward the cap were sent (same channel, marketing).</param>
    /// <param name="cap">The cap.</param>
    public static IReadOnlyList<BlockedInterval> Blocked(IEnumerable<DateTimeOffset> sends, FrequencyCap cap)
    {
        ArgumentNullException.ThrowIfNull(sends);
        ArgumentNullException.ThrowIfNull(cap);
        var sorted = sends.Order().ToArray();
        var intervals = new List<BlockedInterval>();
        if (cap.Max <= 0 || cap.Window <= TimeSpan.Zero)
        {
            return intervals;
        }

        // Sends i .. i + Max − 1 are all in (t − window, t] exactly when the last of them ≤ t < the first + window.
        for (var i = 0; i + cap.Max - 1 < sorted.Length; i++)
        {
            var start = sorted[i + cap.Max - 1];
            var end = sorted[i] + cap.Window;
            if (end <= start)
            {
                continue;
            }

            if (intervals.Count > 0 && start <= intervals[^1].End)
            {
                var last = intervals[^1];
                intervals[^1] = last with { End = end > last.End ? end : last.End };
            }
            else
            {
                intervals.Add(new BlockedInterval(start, end));
            }
        }

        return intervals;
    }
}
