using System.Text.Json;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;

namespace Nurture.Core.Profiles;

/// <summary>Projects the stored profile to the narrow, address-free view journeys decide on.</summary>
public static class ProfileProjection
{
    /// <summary>
    /// The journey view of <paramref name="profile"/> as of <paramref name="now"/>: engagement decayed to now and
    /// rotated from UTC into the contact's local hour of week (at the zone's offset now), consent mapped per
    /// channel, email suppressed after a bounce.
    /// </summary>
    public static JourneyContact ToJourneyContact(ContactProfile profile, DateTimeOffset now, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var timeZone = profile.Attribute(ProfileAttributes.TimeZone);
        return new JourneyContact(
            profile.ContactId,
            timeZone,
            profile.Tags.Keys.ToHashSet(StringComparer.Ordinal),
            profile.Attributes.ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value.Value), StringComparer.Ordinal),
            new Dictionary<MessageChannel, ConsentStatus>
            {
                [MessageChannel.Email] = profile.EmailConsent.Status,
                [MessageChannel.Sms] = profile.SmsConsent.Status,
            },
            profile.Tags.ContainsKey(ProfileReducer.EmailBouncedTag) ? new HashSet<MessageChannel> { MessageChannel.Email } : null,
            HasEmail: profile.Emails.Count > 0,
            HasPhone: profile.Phones.Count > 0,
            OrderCount: profile.Orders.OrderCount,
            TotalSpent: profile.Orders.TotalSpent,
            LastOrderAt: profile.Orders.LastOrderAt,
            FirstSeenAt: profile.FirstSeenAt,
            EngagementByHourOfWeek: profile.Engagement.AsOf is null ? null : LocalEngagement(profile.Engagement, timeZone, now, options.EngagementHalfLife));
    }

    private static double[] LocalEngagement(EngagementHistogram histogram, string? timeZone, DateTimeOffset now, TimeSpan halfLife)
    {
        var zone = ContactTimeZones.Resolve(timeZone, out _);
        var shift = (int)Math.Floor(zone.GetUtcOffset(now).TotalHours);
        var utc = histogram.ValuesAt(now, halfLife);
        var local = new double[EngagementHistogram.BucketCount];
        for (var i = 0; i < EngagementHistogram.BucketCount; i++)
        {
            local[(((i + shift) % EngagementHistogram.BucketCount) + EngagementHistogram.BucketCount) % EngagementHistogram.BucketCount] = utc[i];
        }

        return local;
    }
}
