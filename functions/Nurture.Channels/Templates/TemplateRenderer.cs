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

    /// <summary>The names of the complete placeholders in the text, in order of first use, each once.</summary>
    /// <param name="text">Template text.</param>
    public static IReadOnlyList<string> Placeholders(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            var name = text.AsSpan(open + 2, close - open - 2).Trim().ToString();
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }

            position = close + 2;
        }

        return names;
    }

    /// <summary>Where the text opens a placeholder it never closes (<c>{{</c> without <c>}}</c>), or -1.</summary>
    /// <param name="text">Template text.</param>
    public static int UnclosedPlaceholderAt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                return -1;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return open;
            }

            position = close + 2;
        }
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
