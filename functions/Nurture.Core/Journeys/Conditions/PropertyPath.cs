using System.Globalization;
using System.Text.Json;

namespace Nurture.Core.Journeys.Conditions;

/// <summary>Resolves dotted property paths (<c>line_items.0.sku</c>) inside JSON values.</summary>
public static class PropertyPath
{
    /// <summary>The value at <paramref name="path"/>, or null when any segment is missing or the value is JSON null.</summary>
    /// <param name="root">The JSON value to walk.</param>
    /// <param name="path">Dotted path; numeric segments index arrays. Empty returns the root.</param>
    public static JsonElement? Resolve(JsonElement? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (root is not { } current)
        {
            return null;
        }

        if (path.Length > 0)
        {
            foreach (var segment in path.Split('.'))
            {
                if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
                {
                    current = child;
                }
                else if (current.ValueKind == JsonValueKind.Array
                    && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < current.GetArrayLength())
                {
                    current = current[index];
                }
                else
                {
                    return null;
                }
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>The value as comparable text: strings as-is, numbers and booleans in invariant form; null otherwise.</summary>
    /// <param name="value">A resolved value.</param>
    public static string? AsKeyText(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };
}
