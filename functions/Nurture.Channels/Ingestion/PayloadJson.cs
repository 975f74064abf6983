using System.Text.Json;

namespace Nurture.Channels.Ingestion;

/// <summary>Parses delivery bodies and looks into them without throwing on absent or mistyped members.</summary>
internal static class PayloadJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses the body; on failure returns null and an error naming the body.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> body, out MappingError? error)
    {
        error = null;
        if (body.IsEmpty)
        {
            error = new MappingError("body", "is empty; expected a JSON document");
            return null;
        }

        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            // The parser's only way to say "malformed" is an exception; it stops here as an outcome.
            error = new MappingError("body", "is not valid JSON (" + ex.Message + ")");
            return null;
        }
    }

    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Path(this JsonElement element, params string[] names)
    {
        JsonElement? current = element;
        foreach (var name in names)
        {
            current = current?.Child(name);
        }

        return current;
    }

    public static string? RawString(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static bool IsTrue(this JsonElement element, string name) => element.Child(name) is { ValueKind: JsonValueKind.True };
}
