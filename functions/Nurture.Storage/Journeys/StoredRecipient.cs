using System.Text.Json;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.SendTime;

namespace Nurture.Storage.Journeys;

/// <summary>The stored JSON shape of a <see cref="JourneyRecipient"/> (concrete collections, so it reads back).</summary>
internal sealed record StoredRecipient(
    string ContactId,
    string? TimeZone,
    List<string>? Tags,
    Dictionary<string, JsonElement>? Attributes,
    Dictionary<MessageChannel, ConsentStatus>? Consent,
    List<MessageChannel>? Suppressed,
    bool HasEmail,
    bool HasPhone,
    int OrderCount,
    decimal TotalSpent,
    DateTimeOffset? LastOrderAt,
    DateTimeOffset? FirstSeenAt,
    SendTimeModel? SendTime,
    string? Email,
    string? Phone,
    string? FirstName)
{
    public static StoredRecipient From(JourneyRecipient recipient)
    {
        var c = recipient.Contact;
        return new(
            c.ContactId,
            c.TimeZone,
            c.Tags?.Order(StringComparer.Ordinal).ToList(),
            c.Attributes?.ToDictionary(StringComparer.Ordinal),
            c.Consent?.ToDictionary(),
            c.Suppressed?.Order().ToList(),
            c.HasEmail,
            c.HasPhone,
            c.OrderCount,
            c.TotalSpent,
            c.LastOrderAt,
            c.FirstSeenAt,
            c.SendTime,
            recipient.Email,
            recipient.Phone,
            recipient.FirstName);
    }

    public JourneyRecipient ToRecipient() => new(
        new JourneyContact(
            ContactId,
            TimeZone,
            Tags?.ToHashSet(StringComparer.Ordinal),
            Attributes,
            Consent,
            Suppressed?.ToHashSet(),
            HasEmail,
            HasPhone,
            OrderCount,
            TotalSpent,
            LastOrderAt,
            FirstSeenAt,
            SendTime),
        Email,
        Phone,
        FirstName);
}
