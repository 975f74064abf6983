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

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            // The parser's only way to say "malformed" is an exception; it stops here as an outcome.
            error = new MappingError("body", "is not valid JSON (" + ex.Message + ")");
            return null;
        }

        var unreadable = FindUnreadableString(document.RootElement, "body");
        if (unreadable is not null)
        {
            document.Dispose();
            error = new MappingError(unreadable, "holds an escaped lone surrogate, which is not text");
            return null;
        }

        return document;
    }

    /// <summary>
    /// The path of the first string (value or member name) that cannot be read as UTF-16: JSON's grammar lets
    /// <c>"\ud800"</c> through, but reading it later would throw. Rejecting it here keeps every later read safe.
    /// </summary>
    private static string? FindUnreadableString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(() => element.GetString()) ? null : path;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (!IsReadable(() => member.Name))
                    {
                        return path + ".<name>";
                    }

                    if (FindUnreadableString(member.Value, path + "." + FieldReader.Clean(member.Name, 64)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindUnreadableString(item, path + "[" + index++ + "]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsReadable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json offers no Try- read for strings; this is its only signal for invalid UTF-16.
            return false;
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
