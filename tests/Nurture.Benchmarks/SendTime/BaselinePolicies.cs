using Nurture.Core.Events;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Profiles;

namespace Nurture.Benchmarks.SendTime;

/// <summary>
/// The policies the send-time model is compared with, each knowing only what the shop knows (the profile's zone,
/// else the shop's; the observed events).
/// </summary>
public static class BaselinePolicies
{

    /// <summary>The next <paramref name="local"/> o'clock in the contact's known zone (else the shop's) at or after now.</summary>
    public static DateTimeOffset FixedLocal(SyntheticContact contact, TimeZoneInfo shopZone, DateTimeOffset now, TimeOnly local)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var zone = contact.ProfileZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : shopZone;
        return LocalTimes.NextOccurrence(now, zone, local);
    }

    /// <summary>
    /// The shop's busiest hour: the local hour of day in which most storefront sessions begin, leaving out the
    /// sessions our emails sent there (their landing URL says so), which would only point back at our send time.
    /// </summary>
    public static int BusiestHour(IEnumerable<SyntheticContact> contacts, TimeZoneInfo shopZone)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var counts = new int[24];
        foreach (var contact in contacts)
        {
            var zone = contact.ProfileZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : shopZone;
            DateTimeOffset? sessionStart = null;
            foreach (var evt in contact.Events.Where(e => e.Type == EventTypes.PageViewed))
            {
                // A page view more than 30 minutes after the previous one starts a session.
                var starts = sessionStart is null || evt.OccurredAt - sessionStart.Value > TimeSpan.FromMinutes(30);
                sessionStart = starts ? evt.OccurredAt : sessionStart;
                var fromEmail = evt.Properties.TryGetProperty(EventProperties.Url, out var url) && url.GetString() == PopulationGenerator.EmailReferredUrl;
                if (starts && !fromEmail)
                {
                    counts[TimeZoneInfo.ConvertTime(evt.OccurredAt, zone).Hour]++;
                }
            }
        }

        return Array.IndexOf(counts, counts.Max());
    }

    /// <summary>
    /// Today's method before the send-time model: each contact's hour-of-week histogram of engagement weights
    /// (machine opens left out, decayed with a 30-day half-life), rotated into local hours at the zone's offset
    /// now (UTC when the profile has no zone), and the most engaged hour start within the window (ties to the
    /// earliest); now without data.
    /// </summary>
    public static DateTimeOffset MostEngagedHour(SyntheticContact contact, DateTimeOffset now, TimeSpan window, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(options);
        var histogram = new double[168];
        foreach (var evt in contact.Events)
        {
            if (evt.OccurredAt <= now && options.EngagementWeights.TryGetValue(evt.Type, out var weight) && weight > 0
                && !(evt.Properties.TryGetProperty(EventProperties.MachineOpen, out var machine) && machine.ValueKind == System.Text.Json.JsonValueKind.True))
            {
                var utc = evt.OccurredAt.UtcDateTime;
                histogram[((int)utc.DayOfWeek * 24) + utc.Hour] += weight * Math.Pow(0.5, (now - evt.OccurredAt) / TimeSpan.FromDays(30));
            }
        }

        if (histogram.All(v => v <= 0))
        {
            return now;
        }

        // The old projection rotated the UTC histogram into local hours at the zone's offset now and read it at
        // each candidate's local hour: for whole-hour offsets that is the candidate's UTC hour of week.
        var best = now;
        var bestScore = histogram[UtcHourOfWeek(now)];
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        for (; hour <= now + window; hour = hour.AddHours(1))
        {
            var score = histogram[UtcHourOfWeek(hour)];
            if (score > bestScore)
            {
                best = hour;
                bestScore = score;
            }
        }

        return best;
    }

    private static int UtcHourOfWeek(DateTimeOffset at) => ((int)at.UtcDateTime.DayOfWeek * 24) + at.UtcDateTime.Hour;
}
