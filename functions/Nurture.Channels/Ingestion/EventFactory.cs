using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion;

/// <summary>Assembles canonical events with their deterministic id.</summary>
internal static class EventFactory
{
    public static CanonicalEvent Create(EventSource source, string type, string idempotencyKey, DateTimeOffset occurredAt, ContactIdentity contact, PropertyBag properties) =>
        new(EventIds.Compute(source, idempotencyKey), type, source, idempotencyKey, occurredAt, contact, properties.ToElement());

    /// <summary>A contact identity from raw parts, with empty strings treated as absent.</summary>
    public static ContactIdentity Contact(string? customerId, string? email, string? phone) =>
        new(null, NullIfBlank(customerId), NullIfBlank(FieldReader.Clean(email, 320)), NullIfBlank(FieldReader.Clean(phone, 64)));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
