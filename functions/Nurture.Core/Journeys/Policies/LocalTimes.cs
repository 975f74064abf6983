namespace Nurture.Core.Journeys.Policies;

/// <summary>Local-time arithmetic in a contact's time zone that survives daylight-saving changes.</summary>
public static class LocalTimes
{
    /// <summary>
    /// The first instant at or after <paramref name="from"/> whose local time in <paramref name="zone"/> is
    /// <paramref name="time"/>.
    /// </summary>
    /// <remarks>
    /// A local time skipped by a spring-forward gap maps to the same wall-clock distance after the gap
    /// (02:30 becomes 03:30); one repeated by a fall-back overlap maps to its first occurrence.
    /// </remarks>
    /// <param name="from">Earliest acceptable instant.</param>
    /// <param name="zone">The time zone.</param>
    /// <param name="time">Local time of day.</param>
    public static DateTimeOffset NextOccurrence(DateTimeOffset from, TimeZoneInfo zone, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        for (var day = -1; day <= 2; day++)
        {
            var candidate = ToInstant(localDate.AddDays(day).ToDateTime(time), zone);
            if (candidate >= from)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No local occurrence found within three days; the time zone data is inconsistent.");
    }

    /// <summary>The instant of a local wall-clock time in a zone, resolving gaps and overlaps as <see cref="NextOccurrence"/> does.</summary>
    /// <param name="local">Local wall-clock time (kind ignored).</param>
    /// <param name="zone">The time zone.</param>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            // Use the offset in force before the gap: the instant lands as far past the gap as the wall time was into it.
            var before = zone.GetUtcOffset(wall.AddHours(-6));
            return new DateTimeOffset(wall - before, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(wall.AddHours(6)));
        }

        if (zone.IsAmbiguousTime(wall))
        {
            var earliest = zone.GetAmbiguousTimeOffsets(wall).Max();
            return new DateTimeOffset(wall, earliest);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    /// <summary>Hour-of-week index of an instant in a zone: day of week (Sunday = 0) × 24 + hour.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The time zone.</param>
    public static int HourOfWeek(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return ((int)local.DayOfWeek * 24) + local.Hour;
    }
}
