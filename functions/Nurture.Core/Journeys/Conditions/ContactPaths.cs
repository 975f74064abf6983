using System.Text.Json;
using Nurture.Core.Journeys.Contacts;

namespace Nurture.Core.Journeys.Conditions;

/// <summary>Resolves <c>contact.</c> paths against a <see cref="JourneyContact"/>.</summary>
public static class ContactPaths
{
    /// <summary>The fields below <c>contact.</c> besides <c>attributes.NAME</c>.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "id", "time_zone", "tags", "order_count", "total_spent", "last_order_at", "days_since_last_order",
        "first_seen_at", "days_since_first_seen", "has_email", "has_phone",
    ];

    /// <summary>Whether a path below <c>contact.</c> names a field <see cref="Resolve"/> knows (or an attribute).</summary>
    /// <param name="path">The path without the <c>contact.</c> root.</param>
    public static bool IsKnown(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return (path.StartsWith("attributes.", StringComparison.Ordinal) && path.Length > "attributes.".Length)
            || Fields.Contains(path, StringComparer.Ordinal);
    }

    /// <summary>The value at a path below <c>contact.</c>, or null when unknown.</summary>
    /// <param name="contact">The contact.</param>
    /// <param name="path">The path without the <c>contact.</c> root.</param>
    /// <param name="now">Decision time, for derived values such as days since the last order.</param>
    public static JsonElement? Resolve(JourneyContact contact, string path, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(path);
        const string attributesPrefix = "attributes.";
        if (path.StartsWith(attributesPrefix, StringComparison.Ordinal))
        {
            var rest = path[attributesPrefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? rest : rest[..dot];
            return contact.AttributesOrEmpty.TryGetValue(name, out var attribute)
                ? PropertyPath.Resolve(attribute, dot < 0 ? string.Empty : rest[(dot + 1)..])
                : null;
        }

        return path switch
        {
            "id" => Element(contact.ContactId),
            "time_zone" => contact.TimeZone is null ? null : Element(contact.TimeZone),
            "tags" => Element(contact.TagsOrEmpty.Order(StringComparer.Ordinal).ToArray()),
            "order_count" => Element(contact.OrderCount),
            "total_spent" => Element(contact.TotalSpent),
            "last_order_at" => contact.LastOrderAt is { } last ? Element(last) : null,
            "days_since_last_order" => contact.LastOrderAt is { } last ? Element(Math.Floor((now - last).TotalDays)) : null,
            "first_seen_at" => contact.FirstSeenAt is { } first ? Element(first) : null,
            "days_since_first_seen" => contact.FirstSeenAt is { } first ? Element(Math.Floor((now - first).TotalDays)) : null,
            "has_email" => Element(contact.HasEmail),
            "has_phone" => Element(contact.HasPhone),
            _ => null,
        };
    }

    private static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value);
}
