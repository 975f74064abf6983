using System.Collections.Concurrent;

namespace Nurture.Core.Journeys.Policies;

/// <summary>Resolves a contact's IANA time zone id, falling back to UTC.</summary>
public static class ContactTimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);

    /// <summary>The zone for an id, or UTC (with <paramref name="fellBack"/> set) when the id is missing or unknown.</summary>
    /// <param name="timeZoneId">IANA id such as <c>America/New_York</c>.</param>
    /// <param name="fellBack">True when UTC was used instead of a given but unknown id.</param>
    public static TimeZoneInfo Resolve(string? timeZoneId, out bool fellBack)
    {
        fellBack = false;
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return TimeZoneInfo.Utc;
        }

        var zone = Cache.GetOrAdd(timeZoneId, static id => Find(id));
        fellBack = zone is null;
        return zone ?? TimeZoneInfo.Utc;
    }

    private static TimeZoneInfo? Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
