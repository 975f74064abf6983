using System.Globalization;
using System.Text.Json;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.CustomHandler;

/// <summary>
/// Reads the Functions host's invocation payload (<c>{ "Data": {binding: value}, "Metadata": {...} }</c>) into the
/// trigger inputs the handlers take. Values may arrive as JSON values or as JSON text inside strings; both are read.
/// </summary>
public static class InvocationPayload
{
    /// <summary>The queue trigger's binding name in <c>function.json</c>.</summary>
    public const string QueueBindingName = "message";

    /// <summary>The timer trigger's binding name in <c>function.json</c>.</summary>
    public const string TimerBindingName = "timer";

    /// <summary>The HTTP trigger's binding name in <c>function.json</c>.</summary>
    public const string HttpBindingName = "req";

    /// <summary>The HTTP output binding's name in <c>function.json</c>.</summary>
    public const string HttpOutputBindingName = "res";

    /// <summary>The queue message of a queue-trigger invocation.</summary>
    public static QueueTriggerMessage ReadQueueMessage(JsonElement payload, string queueName)
    {
        var data = Property(payload, "Data") ?? throw new FormatException("The invocation has no 'Data'.");
        var value = Property(data, QueueBindingName) ?? throw new FormatException($"The invocation's Data has no '{QueueBindingName}' binding.");
        var metadata = Property(payload, "Metadata");
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return new QueueTriggerMessage(
            queueName,
            MetadataString(metadata, "Id") ?? string.Empty,
            text,
            long.TryParse(MetadataString(metadata, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1,
            MetadataTime(metadata, "InsertionTime"),
            MetadataTime(metadata, "ExpirationTime"));
    }

    /// <summary>The timer information of a timer-trigger invocation.</summary>
    public static TimerInfo ReadTimer(JsonElement payload)
    {
        var data = Property(payload, "Data") ?? throw new FormatException("The invocation has no 'Data'.");
        var value = Property(data, TimerBindingName) ?? throw new FormatException($"The invocation's Data has no '{TimerBindingName}' binding.");
        using var parsed = value.ValueKind == JsonValueKind.String ? JsonDocument.Parse(value.GetString()!) : null;
        var timer = parsed?.RootElement ?? value;
        var isPastDue = Property(timer, "IsPastDue") is { ValueKind: JsonValueKind.True };
        ScheduleStatus? status = null;
        if (Property(timer, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } s && ReadTime(Property(s, "Next")) is { } next)
        {
            status = new ScheduleStatus(ReadTime(Property(s, "Last")), next, ReadTime(Property(s, "LastUpdated")) ?? next);
        }

        return new TimerInfo(isPastDue, status);
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? MetadataString(JsonElement? metadata, string name)
    {
        if (metadata is not { } m || Property(m, name) is not { } value)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();

        // The host sometimes sends metadata as JSON text inside a string ("\"abc\"").
        return text is ['"', .., '"'] ? JsonSerializer.Deserialize<string>(text) : text;
    }

    private static DateTimeOffset? MetadataTime(JsonElement? metadata, string name) =>
        DateTimeOffset.TryParse(MetadataString(metadata, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static DateTimeOffset? ReadTime(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } v
        && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
