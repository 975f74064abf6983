namespace Nurture.Core.Journeys.Policies;

/// <summary>A daily local-time window in which marketing is not sent; it may cross midnight (21:00–08:00).</summary>
/// <param name="Start">Local time the quiet window begins (inclusive).</param>
/// <param name="End">Local time it ends (exclusive): the edge a deferred send moves to.</param>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether a local time of day falls inside the window.</summary>
    /// <param name="local">Local time of day.</param>
    public bool Contains(TimeOnly local) =>
        Start <= End ? local >= Start && local < End : local >= Start || local < End;

    /// <summary>Whether an instant falls inside the window in a time zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The contact's time zone.</param>
    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));
    }

    /// <summary>The first instant at or after <paramref name="instant"/> when the window is over.</summary>
    /// <param name="instant">An instant inside the window.</param>
    /// <param name="zone">The contact's time zone.</param>
    public DateTimeOffset EndAfter(DateTimeOffset instant, TimeZoneInfo zone) => LocalTimes.NextOccurrence(instant, zone, End);
}
