using System.Text.Json;
using System.Text.RegularExpressions;
using Nurture.Core.Events;
using Nurture.Core.Profiles;

namespace Nurture.Channels.Ingestion.Track;

/// <summary>
/// Validates and maps the track API body: one <c>{type, contact, occurredAt, properties, idempotencyKey}</c>
/// object or an array of at most <see cref="MaxBatch"/>. All or nothing: any invalid element makes the whole
/// request invalid, with every error naming its field (<c>[3].contact.email</c>), so the caller can fix and
/// resend the batch without guessing which events were kept.
/// </summary>
/// <remarks>
/// Types are the storefront types (<see cref="EventTypes.PageViewed"/>, ...) or custom lowercase names; the
/// namespaces the verified platforms report in (<c>order.</c>, <c>email.</c>, <c>consent.</c>, ...) are
/// reserved, so a tracked event cannot impersonate an order or a consent change.
/// </remarks>
public sealed partial class TrackMapper : IPayloadMapper
{
    /// <summary>The most events in one request.</summary>
    public const int MaxBatch = 500;

    /// <summary>The largest <c>properties</c> object, in characters of JSON text.</summary>
    public const int MaxPropertiesLength = 16 * 1024;

    /// <summary>How far in the future <c>occurredAt</c> may be (clock skew on the sender).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromHours(24);

    private static readonly string[] ReservedPrefixes = ["order.", "refund.", "checkout.", "cart.", "customer.", "consent.", "email.", "sms.", "privacy."];

    /// <inheritdoc />
    public EventSource Source => EventSource.Track;

    /// <inheritdoc />
    public MappingOutcome Map(RawDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var document = PayloadJson.TryParse(delivery.Body, out var parseError);
        if (document is null)
        {
            return new InvalidDelivery([parseError!]);
        }

        var root = document.RootElement;
        var reader = new FieldReader();
        var events = new List<CanonicalEvent>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            AddIfValid(events, MapOne(root, string.Empty, reader, delivery.ReceivedAt));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var length = root.GetArrayLength();
            if (length is 0 or > MaxBatch)
            {
                return new InvalidDelivery("body", length == 0 ? "holds no events" : "holds " + length + " events; at most " + MaxBatch + " per request");
            }

            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                AddIfValid(events, MapOne(element, "[" + index++ + "].", reader, delivery.ReceivedAt));
            }
        }
        else
        {
            return new InvalidDelivery("body", "must be an event object or an array of events");
        }

        return reader.HasErrors ? new InvalidDelivery(reader.Errors) : new MappedEvents(events, []);
    }

    private static void AddIfValid(List<CanonicalEvent> events, CanonicalEvent? evt)
    {
        if (evt is not null)
        {
            events.Add(evt);
        }
    }

    private static CanonicalEvent? MapOne(JsonElement element, string prefix, FieldReader reader, DateTimeOffset receivedAt)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(prefix.TrimEnd('.'), "must be an event object");
            return null;
        }

        var errorsBefore = reader.Errors.Count;
        var type = ReadType(element, prefix, reader);
        var key = reader.CheckId(StringMember(element, "idempotencyKey", prefix, reader), prefix + "idempotencyKey", required: true);
        var contact = ReadContact(element, prefix, reader);
        var occurredAt = ReadOccurredAt(element, prefix, reader, receivedAt);
        var properties = ReadProperties(element, prefix, reader);
        if (reader.Errors.Count > errorsBefore)
        {
            return null;
        }

        return new CanonicalEvent(EventIds.Compute(EventSource.Track, key!), type!, EventSource.Track, key!, occurredAt, contact!, properties);
    }

    private static string? ReadType(JsonElement element, string prefix, FieldReader reader)
    {
        var type = StringMember(element, "type", prefix, reader);
        if (type is null)
        {
            reader.Fail(prefix + "type", "is required");
            return null;
        }

        if (!TypePattern().IsMatch(type))
        {
            reader.Fail(prefix + "type", "must be 1-64 lowercase letters, digits, '_' or '.', starting with a letter");
            return null;
        }

        if (ReservedPrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal)))
        {
            reader.Fail(prefix + "type", "'" + type + "' is reserved for events Nurture receives from shop platforms and channels");
            return null;
        }

        return type;
    }

    private static ContactIdentity? ReadContact(JsonElement element, string prefix, FieldReader reader)
    {
        var path = prefix + "contact";
        if (element.Child("contact") is not { ValueKind: JsonValueKind.Object } contact)
        {
            reader.Fail(path, "is required: an object with at least one of id, customerId, email, phone");
            return null;
        }

        var id = reader.CheckId(StringMember(contact, "id", path + ".", reader), path + ".id");
        var customerId = reader.CheckId(StringMember(contact, "customerId", path + ".", reader), path + ".customerId");
        var email = StringMember(contact, "email", path + ".", reader);
        var phone = StringMember(contact, "phone", path + ".", reader);
        if (email is not null && IdentityNormalizer.NormalizeEmail(email) is null)
        {
            reader.Fail(path + ".email", "is not a valid email address");
        }

        if (phone is not null && IdentityNormalizer.NormalizePhone(phone, null) is null)
        {
            reader.Fail(path + ".phone", "must be an E.164 number: '+', country code and number");
        }

        if (id is null && customerId is null && email is null && phone is null)
        {
            reader.Fail(path, "needs at least one of id, customerId, email, phone");
        }

        return new ContactIdentity(id, customerId, email?.Trim(), phone?.Trim());
    }

    private static DateTimeOffset ReadOccurredAt(JsonElement element, string prefix, FieldReader reader, DateTimeOffset receivedAt)
    {
        if (element.Child("occurredAt") is null)
        {
            return receivedAt;
        }

        var at = reader.Time(element, "occurredAt", prefix + "occurredAt");
        if (at is null)
        {
            if (element.Child("occurredAt")?.ValueKind != JsonValueKind.String)
            {
                reader.Fail(prefix + "occurredAt", "must be an ISO 8601 date-time string");
            }

            return receivedAt;
        }

        if (at.Value > receivedAt + MaxFutureSkew)
        {
            reader.Fail(prefix + "occurredAt", "is more than 24 hours in the future");
        }

        return at.Value;
    }

    private static JsonElement ReadProperties(JsonElement element, string prefix, FieldReader reader)
    {
        var properties = element.Child("properties");
        if (properties is null)
        {
            return JsonSerializer.SerializeToElement(new Dictionary<string, string>());
        }

        if (properties.Value.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(prefix + "properties", "must be an object");
        }
        else if (properties.Value.GetRawText().Length > MaxPropertiesLength)
        {
            reader.Fail(prefix + "properties", "is larger than " + MaxPropertiesLength + " characters of JSON");
        }

        return properties.Value.Clone();
    }

    private static string? StringMember(JsonElement element, string name, string prefix, FieldReader reader)
    {
        var value = element.Child(name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            reader.Fail(prefix + name, "must be a string");
            return null;
        }

        var text = value.Value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    [GeneratedRegex("^[a-z][a-z0-9_.]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();
}
