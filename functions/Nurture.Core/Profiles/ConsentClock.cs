using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Core.Events;

namespace Nurture.Core.Profiles;

/// <summary>
/// Clamps times from the future: an event (and the consent it carries) cannot have happened after Nurture received
/// it, give or take a clock-skew tolerance. Without it a grant dated a year ahead would beat every STOP until then.
/// </summary>
public static class ConsentClock
{
    /// <summary>
    /// The event with its time and its consent times (<c>consentAt</c> at the top level and in <c>emailConsent</c> and
    /// <c>smsConsent</c>) set to <paramref name="receivedAt"/> where they are more than <paramref name="tolerance"/>
    /// after it; the same instance when nothing is in the future.
    /// </summary>
    public static CanonicalEvent Clamp(CanonicalEvent evt, DateTimeOffset receivedAt, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        var latest = receivedAt + tolerance;
        var next = evt.OccurredAt > latest ? evt with { OccurredAt = receivedAt } : evt;
        if (evt.Properties.ValueKind != JsonValueKind.Object || !HasFutureConsent(evt.Properties, latest))
        {
            return next;
        }

        var properties = JsonNode.Parse(evt.Properties.GetRawText())!.AsObject();
        ClampIn(properties, latest, receivedAt);
        foreach (var name in new[] { EventProperties.EmailConsent, EventProperties.SmsConsent })
        {
            if (properties[name] is JsonObject consent)
            {
                ClampIn(consent, latest, receivedAt);
            }
        }

        return next with { Properties = JsonSerializer.SerializeToElement(properties) };
    }

    private static bool HasFutureConsent(JsonElement properties, DateTimeOffset latest) =>
        EventJson.Time(properties, EventProperties.ConsentAt) > latest
        || (EventJson.Child(properties, EventProperties.EmailConsent) is { } email && EventJson.Time(email, EventProperties.ConsentAt) > latest)
        || (EventJson.Child(properties, EventProperties.SmsConsent) is { } sms && EventJson.Time(sms, EventProperties.ConsentAt) > latest);

    private static void ClampIn(JsonObject consent, DateTimeOffset latest, DateTimeOffset receivedAt)
    {
        if (consent[EventProperties.ConsentAt] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            && at > latest)
        {
            consent[EventProperties.ConsentAt] = receivedAt;
        }
    }
}
