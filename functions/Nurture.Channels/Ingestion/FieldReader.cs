using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Nurture.Channels.Ingestion;

/// <summary>
/// Reads payload fields into safe values, collecting an error (with the field's path) for each value that
/// cannot be trusted, so a mapper reports every problem at once instead of throwing at the first.
/// </summary>
/// <remarks>
/// Ids must be at most <see cref="MaxIdLength"/> characters without control characters, or the delivery is
/// invalid: they end up in keys and lookups. Free text is kept (JSON encoding makes any character safe)
/// but control characters are dropped and it is cut at <see cref="MaxTextLength"/>.
/// </remarks>
internal sealed class FieldReader
{
    public const int MaxIdLength = 256;
    public const int MaxTextLength = 1024;

    public List<MappingError> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public void Fail(string field, string message) => Errors.Add(new MappingError(field, message));

    /// <summary>An id given as a JSON string or integer.</summary>
    public string? Id(JsonElement element, string name, string path, bool required = false)
    {
        var value = element.Child(name) switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            null => null,
            _ => Invalid(path, "must be a string or a number"),
        };
        return CheckId(value, path, required);
    }

    /// <summary>Checks an id from anywhere (a header, a form field).</summary>
    public string? CheckId(string? value, string path, bool required = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Fail(path, "is required");
            }

            return null;
        }

        if (value.Length > MaxIdLength)
        {
            return Invalid(path, "is longer than " + MaxIdLength.ToString(CultureInfo.InvariantCulture) + " characters");
        }

        return value.Any(char.IsControl) ? Invalid(path, "contains control characters") : value;
    }

    /// <summary>Free text: control characters dropped, cut to <paramref name="maxLength"/>; null when absent or empty.</summary>
    public static string? Text(JsonElement element, string name, int maxLength = MaxTextLength) => Clean(element.RawString(name), maxLength);

    /// <summary>Cleans free text the same way <see cref="Text"/> does.</summary>
    public static string? Clean(string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (builder.Length >= maxLength)
            {
                break;
            }

            if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var text = builder.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>An amount given as a JSON number or a numeric string (platforms send both).</summary>
    public decimal? Amount(JsonElement element, string name, string path) => element.Child(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } s when decimal.TryParse(s.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        { ValueKind: JsonValueKind.String } s when string.IsNullOrEmpty(s.GetString()) => null,
        null => null,
        _ => InvalidAmount(path),
    };

    /// <summary>A whole number (quantities).</summary>
    public int? Count(JsonElement element, string name, string path) => element.Child(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        null => null,
        _ => InvalidCount(path),
    };

    /// <summary>An ISO 8601 time (a value without offset is read as UTC, as WooCommerce's <c>_gmt</c> fields are).</summary>
    public DateTimeOffset? Time(JsonElement element, string name, string path)
    {
        var text = element.RawString(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        Fail(path, "is not an ISO 8601 date-time");
        return null;
    }

    private string? Invalid(string path, string message)
    {
        Fail(path, message);
        return null;
    }

    private decimal? InvalidAmount(string path)
    {
        Fail(path, "must be a number");
        return null;
    }

    private int? InvalidCount(string path)
    {
        Fail(path, "must be a whole number");
        return null;
    }
}
