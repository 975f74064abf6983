using System.Text.Json;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Profiles;

/// <summary>Projects the stored profile to the narrow, address-free view journeys decide on.</summary>
public static class ProfileProjection
{
    /// <summary>
    /// The journey view of <paramref name="profile"/> as of <paramref name="now"/>: the send-time model decayed to
    /// now, consent mapped per channel, email suppressed after a bounce or a rejected address, SMS after an unusable number.
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
            Suppressed(profile),
            HasEmail: profile.Emails.Count > 0,
            HasPhone: profile.Phones.Count > 0,
            OrderCount: profile.Orders.OrderCount,
            TotalSpent: profile.Orders.TotalSpent,
            LastOrderAt: profile.Orders.LastOrderAt,
            FirstSeenAt: profile.FirstSeenAt,
            SendTime: profile.SendTime.IsEmpty ? null : profile.SendTime.DecayedTo(now, options.EngagementHalfLife));
    }

    private static HashSet<MessageChannel>? Suppressed(ContactProfile profile)
    {
        var suppressed = new HashSet<MessageChannel>();
        if (profile.Tags.ContainsKey(ProfileReducer.EmailBouncedTag))
        {
            suppressed.Add(MessageChannel.Email);
        }

        if (profile.Tags.ContainsKey(ProfileReducer.PhoneUnusableTag))
        {
            suppressed.Add(MessageChannel.Sms);
        }

        return suppressed.Count == 0 ? null : suppressed;
    }
}
