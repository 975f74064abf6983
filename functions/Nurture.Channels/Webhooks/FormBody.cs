using System.Text;

namespace Nurture.Channels.Webhooks;

/// <summary>Decodes an <c>application/x-www-form-urlencoded</c> body into ordered name/value pairs.</summary>
public static class FormBody
{
    /// <summary>Parses the body; repeated names are kept as separate pairs, in order.</summary>
    /// <remarks>Malformed percent escapes are kept literally rather than rejected, as browsers and Twilio's libraries do.</remarks>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    /// <summary>The first value for <paramref name="name"/>, or null.</summary>
    public static string? Get(IReadOnlyList<KeyValuePair<string, string>> pairs, string name)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var pair in pairs)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
