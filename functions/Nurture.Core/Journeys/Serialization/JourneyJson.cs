using System.Text.Json;
using System.Text.Json.Serialization;
using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Journeys.Serialization;

/// <summary>The JSON shape of journey documents and instance state: snake_case names and enum values.</summary>
public static class JourneyJson
{
    /// <summary>Options for journey documents, instance state and commands.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a journey document. Missing fields stay null so <c>JourneyValidator</c> can name each one.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="JsonException">The document is not valid JSON or does not fit the model.</exception>
    public static JourneyDefinition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<JourneyDefinition>(json, Options)
                ?? throw new JsonException("A journey document must be a JSON object, not null.");
        }
        catch (NotSupportedException error)
        {
            // A node without a "type" is bad input, not an unsupported program state: report it like any other JSON error.
            throw new JsonException(error.Message, error);
        }
    }

    /// <summary>Writes a journey document.</summary>
    /// <param name="definition">The journey.</param>
    public static string Serialize(JourneyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new ReadOnlySetConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
