using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Channels.Feedback;

/// <summary>
/// Turns the canonical delivery events the SendGrid and Twilio mappers produce into <see cref="DeliveryFeedback"/>
/// (pure). The mappers read the provider payloads; this reads only their canonical events, so there is one parser
/// per provider.
/// </summary>
public static partial class DeliveryFeedbackMapper
{
    /// <summary>The feedback an event carries, or null when it is not delivery feedback (an order, an inbound SMS...).</summary>
    /// <param name="canonical">A canonical event.</param>
    public static DeliveryFeedback? From(CanonicalEvent canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return canonical.Source switch
        {
            EventSource.SendGrid => FromSendGrid(canonical),
            EventSource.Twilio when canonical.Type == EventTypes.SmsStatusChanged => FromTwilio(canonical),
            _ => null,
        };
    }

    private static string? Text(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Flag(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
