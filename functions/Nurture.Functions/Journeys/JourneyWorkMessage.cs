using System.Text.Json;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Journeys;

/// <summary>One message on <c>journey-work</c>: a trigger for one instance.</summary>
/// <remarks>The trigger's <c>Now</c> is when it was raised; the runner decides with the time it processes the message.</remarks>
/// <param name="InstanceId">The instance.</param>
/// <param name="Trigger">What happened.</param>
/// <param name="EventStoredFor">
/// Set when the trigger's event was too large for a queue message: the trigger then carries the event without its
/// properties, and the runner reads the whole event from this contact's timeline (where ingestion stored it first).
/// </param>
public sealed record JourneyWorkMessage(string InstanceId, JourneyTrigger Trigger, string? EventStoredFor = null)
{
    /// <summary>The message text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JourneyJson.Options);

    /// <summary>Reads a message; <see cref="JsonException"/> when it is not one.</summary>
    /// <param name="text">The message text.</param>
    public static JourneyWorkMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = JsonSerializer.Deserialize<JourneyWorkMessage>(text, JourneyJson.Options)
            ?? throw new JsonException("A journey work message must be a JSON object.");
        if (string.IsNullOrEmpty(message.InstanceId))
        {
            throw new JsonException("A journey work message needs an instance_id.");
        }

        return message;
    }
}
