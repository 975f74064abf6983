using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nurture.Core.Metrics;

/// <summary>Serialises reports, scores and models for storage and the HTTP reports: camelCase, enums by name.</summary>
public static class MetricsJson
{
    /// <summary>The options metric documents are stored and served with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>A metric document as JSON.</summary>
    /// <typeparam name="T">The document type (a report, a score, a model).</typeparam>
    /// <param name="value">The document.</param>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>A metric document from its JSON.</summary>
    /// <typeparam name="T">The document type.</typeparam>
    /// <param name="json">The JSON.</param>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} was the JSON literal null.");
}
