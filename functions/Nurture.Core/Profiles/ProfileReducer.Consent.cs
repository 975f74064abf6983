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

    private static ContactProfile WithConsent(ContactProfile profile, string channel, ConsentState state) => channel switch
    {
        "email" => profile with { EmailConsent = ConsentState.Latest(profile.EmailConsent, state) },
        "sms" => profile with { SmsConsent = ConsentState.Latest(profile.SmsConsent, state) },
        _ => profile,
    };

    private static ContactProfile ApplyConsentChange(ContactProfile profile, CanonicalEvent evt) =>
        ReadConsent(evt.Properties, evt) is { } state && EventJson.String(evt.Properties, EventProperties.Channel) is { } channel
            ? WithConsent(profile, channel, state)
            : profile;

    private static ContactProfile ApplyCustomer(ContactProfile profile, CanonicalEvent evt)
    {
        var next = profile;
        if (EventJson.Child(evt.Properties, EventProperties.EmailConsent) is { } email && ReadConsent(email, evt) is { } emailState)
        {
            next = WithConsent(next, "email", emailState);
        }

        if (EventJson.Child(evt.Properties, EventProperties.SmsConsent) is { } sms && ReadConsent(sms, evt) is { } smsState)
        {
            next = WithConsent(next, "sms", smsState);
        }

        return EventJson.Child(evt.Properties, EventProperties.Tags) is { ValueKind: JsonValueKind.Array } ? ReplacePlatformTags(next, evt) : next;
    }

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
