using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;

namespace Nurture.Core.Profiles;

public static partial class ProfileReducer
{
    /// <summary>Twilio's error for a recipient who replied STOP: the carrier blocks our messages.</summary>
    private const string TwilioOptedOutError = "21610";

    private const int MaxTagLength = 64;

    private static ConsentState Consent(ConsentStatus status, string source, CanonicalEvent evt) =>
        new(status, source, evt.OccurredAt, evt.IdempotencyKey);

    /// <summary>
    /// Suppresses <paramref name="channel"/> (<c>email</c> or <c>sms</c>) as of <paramref name="at"/>: the channel stays
    /// suppressed until an explicit opt-in dated after it (see <see cref="SuppressionState"/>). The same instance when
    /// nothing changes.
    /// </summary>
    public static ContactProfile Suppress(ContactProfile profile, string channel, SuppressionReason reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return channel switch
        {
            "email" when profile.EmailSuppression.Suppress(reason, at) is var email && email != profile.EmailSuppression => profile with { EmailSuppression = email },
            "sms" when profile.SmsSuppression.Suppress(reason, at) is var sms && sms != profile.SmsSuppression => profile with { SmsSuppression = sms },
            _ => profile,
        };
    }

    /// <summary>Puts every mark on the profile (see <see cref="Suppress(ContactProfile, string, SuppressionReason, DateTimeOffset)"/>).</summary>
    public static ContactProfile Suppress(ContactProfile profile, IEnumerable<SuppressionMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return marks.Aggregate(profile, (current, mark) => Suppress(current, mark.Channel, mark.Reason, mark.At));
    }

    private static ContactProfile WithConsent(ContactProfile profile, string channel, ConsentState state, bool explicitOptIn = false)
    {
        var next = channel switch
        {
            "email" => profile with { EmailConsent = ConsentState.Latest(profile.EmailConsent, state) },
            "sms" => profile with { SmsConsent = ConsentState.Latest(profile.SmsConsent, state) },
            _ => profile,
        };
        if (state.At is not { } at)
        {
            return next;
        }

        // Every withdrawal is a suppression; only an explicit opt-in dated after it lifts it.
        if (state.Status == ConsentStatus.Denied)
        {
            var reason = channel == "sms" && IsStop(state.Source) ? SuppressionReason.SmsStop : SuppressionReason.Unsubscribed;
            return Suppress(next, channel, reason, at);
        }

        if (state.Status == ConsentStatus.Granted && explicitOptIn)
        {
            return channel switch
            {
                "email" => next with { EmailSuppression = next.EmailSuppression.OptIn(at) },
                "sms" => next with { SmsSuppression = next.SmsSuppression.OptIn(at) },
                _ => next,
            };
        }

        return next;
    }

    private static bool IsStop(string? source) => source is "sms_keyword" || source == "twilio:" + TwilioOptedOutError;

    private static ContactProfile ApplyConsentChange(ContactProfile profile, CanonicalEvent evt) =>
        ReadConsent(evt.Properties, evt) is { } state && EventJson.String(evt.Properties, EventProperties.Channel) is { } channel
            ? WithConsent(profile, channel, state, explicitOptIn: true)
            : profile;

    private static ContactProfile ApplyCustomer(ContactProfile profile, CanonicalEvent evt)
    {
        var next = ApplyConsentFields(profile, evt);
        return EventJson.Child(evt.Properties, EventProperties.Tags) is { ValueKind: JsonValueKind.Array } ? ReplacePlatformTags(next, evt) : next;
    }

    /// <summary>
    /// The consent objects a customer or order event carries (<c>emailConsent</c>, <c>smsConsent</c>); one with its own
    /// consent time is an explicit opt-in, one dated only by the event is not.
    /// </summary>
    private static ContactProfile ApplyConsentFields(ContactProfile profile, CanonicalEvent evt)
    {
        var next = profile;
        if (EventJson.Child(evt.Properties, EventProperties.EmailConsent) is { } email && ReadConsent(email, evt) is { } emailState)
        {
            next = WithConsent(next, "email", emailState, HasOwnTime(email));
        }

        if (EventJson.Child(evt.Properties, EventProperties.SmsConsent) is { } sms && ReadConsent(sms, evt) is { } smsState)
        {
            next = WithConsent(next, "sms", smsState, HasOwnTime(sms));
        }

        return next;
    }

    private static bool HasOwnTime(JsonElement consent) => EventJson.Time(consent, EventProperties.ConsentAt) is not null;

    /// <summary>Reads <c>{status, source, consentAt, proof}</c>; the consent time defaults to the event time.</summary>
    private static ConsentState? ReadConsent(JsonElement element, CanonicalEvent evt)
    {
        var status = EventJson.String(element, EventProperties.ConsentStatus) switch
        {
            "subscribed" => ConsentStatus.Granted,
            "unsubscribed" => ConsentStatus.Denied,
            _ => (ConsentStatus?)null,
        };
        if (status is null)
        {
            return null;
        }

        return new ConsentState(
            status.Value,
            EventJson.String(element, EventProperties.ConsentSource) ?? evt.Source.ToString().ToLowerInvariant(),
            EventJson.Time(element, EventProperties.ConsentAt) ?? evt.OccurredAt,
            EventJson.String(element, EventProperties.Proof) ?? evt.IdempotencyKey);
    }

    private static ContactProfile ApplyGroup(ContactProfile profile, CanonicalEvent evt, ConsentStatus status)
    {
        var group = EventJson.Child(evt.Properties, EventProperties.AsmGroupId)?.ToString();
        if (string.IsNullOrEmpty(group) || group.Length > 32)
        {
            return profile;
        }

        var state = Consent(status, "sendgrid:" + (status == ConsentStatus.Granted ? "group_resubscribe" : "group_unsubscribe"), evt);
        var merged = profile.EmailGroups.TryGetValue(group, out var current) ? ConsentState.Latest(current, state) : state;
        return profile with { EmailGroups = profile.EmailGroups.SetItem(group, merged) };
    }

    private static ContactProfile ApplySmsStatus(ContactProfile profile, CanonicalEvent evt) =>
        EventJson.Child(evt.Properties, EventProperties.ErrorCode)?.ToString() == TwilioOptedOutError
            ? WithConsent(profile, "sms", Consent(ConsentStatus.Denied, "twilio:" + TwilioOptedOutError, evt))
            : profile;

    /// <summary>The shop's tags replace the previous shop tags, unless an older update arrives late.</summary>
    private static ContactProfile ReplacePlatformTags(ContactProfile profile, CanonicalEvent evt)
    {
        var platform = profile.Tags.Values.Where(t => t.Source == TagSource.Platform).ToList();
        if (platform.Any(t => t.AddedAt > evt.OccurredAt))
        {
            return profile;
        }

        var tags = profile.Tags.RemoveRange(platform.Select(t => t.Name));
        foreach (var raw in EventJson.Strings(evt.Properties, EventProperties.Tags))
        {
            var name = raw.Trim();
            if (name.Length is > 0 and <= MaxTagLength && !name.Any(char.IsControl) && !tags.ContainsKey(name))
            {
                tags = tags.Add(name, new ProfileTag(name, TagSource.Platform, evt.OccurredAt));
            }
        }

        return profile with { Tags = tags };
    }
}
