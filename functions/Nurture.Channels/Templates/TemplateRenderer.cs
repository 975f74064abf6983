using System.Text;

namespace Nurture.Channels.Templates;

/// <summary>
/// Fills <c>{{name}}</c> placeholders from a dictionary. Pure. A placeholder without a value renders empty;
/// text that is not a complete placeholder stays as written.
/// </summary>
public static class TemplateRenderer
{
    /// <summary>Renders the text.</summary>
    /// <param name="text">Template text.</param>
    /// <param name="values">Placeholder values by name (case-insensitive).</param>
    public static string Render(string text, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                output.Append(text, position, text.Length - position);
                break;
            }

            output.Append(text, position, open - position);
            var name = text.AsSpan(open + 2, close - open - 2).Trim().ToString();
            output.Append(Lookup(values, name));
            position = close + 2;
        }

        return output.ToString();
    }

    private static string? Lookup(IReadOnlyDictionary<string, string?> values, string name)
    {
        if (values.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in values)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
