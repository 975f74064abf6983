namespace Nurture.Core.Journeys.Policies;

/// <summary>Picks the contact's most engaged hour inside a send window, respecting quiet hours. Pure.</summary>
public static class BestSendTime
{
    /// <summary>Buckets in an hour-of-week histogram.</summary>
    public const int HoursPerWeek = 168;

    /// <summary>
    /// The best instant in [<paramref name="now"/>, <paramref name="now"/> + <paramref name="withinHours"/> h]: now,
    /// or the start of a later local hour, whichever has the highest engagement score; ties go to the earliest.
    /// Returns <paramref name="now"/> when the histogram is missing, malformed or flat.
    /// </summary>
    /// <param name="now">Decision time.</param>
    /// <param name="withinHours">Window length in hours.</param>
    /// <param name="zone">The contact's time zone (the histogram is in local hours).</param>
    /// <param name="histogram">168 scores by local hour of week (Sunday 00:00 = 0).</param>
    /// <param name="quietHours">Hours to avoid, if any.</param>
    public static DateTimeOffset Choose(DateTimeOffset now, int withinHours, TimeZoneInfo zone, IReadOnlyList<double>? histogram, QuietHours? quietHours)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(withinHours);
        if (histogram is null || histogram.Count != HoursPerWeek || histogram.All(v => v <= 0))
        {
            return now;
        }

        DateTimeOffset? best = null;
        var bestScore = double.MinValue;
        foreach (var candidate in Candidates(now, withinHours))
        {
            if (quietHours is not null && quietHours.Contains(candidate, zone))
            {
                continue;
            }

            var score = histogram[LocalTimes.HourOfWeek(candidate, zone)];
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best ?? now;
    }

    private static IEnumerable<DateTimeOffset> Candidates(DateTimeOffset now, int withinHours)
    {
        yield return now;
        var end = now.AddHours(withinHours);
        // Hour starts are taken in UTC: every zone in use today is a whole or half hour off UTC, and the
        // histogram bucket is read from the local hour of each candidate.
        var utc = now.UtcDateTime;
        var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        for (; hour <= end; hour = hour.AddHours(1))
        {
            yield return hour;
        }
    }
}
