using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

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

        if (!MayHoldUnreadableString(body.Span))
        {
            return document;
        }

        if (FindUnreadableString(document.RootElement) is { } unreadable)
        {
            document.Dispose();
            error = new MappingError("body" + unreadable, "holds an escaped lone surrogate, which is not text");
            return null;
        }

        return document;
    }

    /// <summary>
    /// False when no string in the body can fail to read as UTF-16: the parser lets invalid UTF-8 bytes and escaped
    /// lone surrogates (<c>"\ud800"</c>) through, and only those fail later. Valid UTF-8 without a <c>\u</c> escape
    /// has neither, so the common body skips the walk over every string.
    /// </summary>
    private static bool MayHoldUnreadableString(ReadOnlySpan<byte> body) => !Utf8.IsValid(body) || body.IndexOf("\\u"u8) >= 0;

    /// <summary>
    /// The path below <paramref name="element"/> (empty for the element itself) of the first string (value or member
    /// name) that cannot be read as UTF-16, or null when all can. The path is built only on the way back from a find.
    /// </summary>
    private static string? FindUnreadableString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element) ? null : string.Empty;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (!IsReadableName(member))
                    {
                        return ".<name>";
                    }

                    if (FindUnreadableString(member.Value) is { } found)
                    {
                        return "." + FieldReader.Clean(member.Name, 64) + found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindUnreadableString(item) is { } found)
                    {
                        return "[" + index.ToString(CultureInfo.InvariantCulture) + "]" + found;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    // System.Text.Json offers no Try- read for strings; InvalidOperationException is its only signal for invalid UTF-16.
    private static bool IsReadable(JsonElement element)
    {
        try
        {
            element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsReadableName(JsonProperty member)
    {
        try
        {
            _ = member.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
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
