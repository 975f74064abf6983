using System.Text.Json;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Profiles;

/// <summary>Projects the stored profile to the narrow, address-free view journeys decide on.</summary>
public static class ProfileProjection
{
    /// <summary>
    /// The journey view of <paramref name="profile"/> as of <paramref name="now"/>: the send-time model decayed to
    /// now, consent mapped per channel (denied while the channel's suppression holds), email suppressed after a bounce, a
    /// rejected address, a spam report or an erasure, SMS after an unusable number, a STOP or an erasure.
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
                [MessageChannel.Email] = profile.EmailSuppression.IsActive ? ConsentStatus.Denied : profile.EmailConsent.Status,
                [MessageChannel.Sms] = profile.SmsSuppression.IsActive ? ConsentStatus.Denied : profile.SmsConsent.Status,
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
        if (profile.Tags.ContainsKey(ProfileReducer.EmailBouncedTag) || profile.EmailSuppression.BlocksEverything)
        {
            suppressed.Add(MessageChannel.Email);
        }

        if (profile.Tags.ContainsKey(ProfileReducer.PhoneUnusableTag) || profile.SmsSuppression.BlocksEverything)
        {
            suppressed.Add(MessageChannel.Sms);
        }

        return suppressed.Count == 0 ? null : suppressed;
    }
}
