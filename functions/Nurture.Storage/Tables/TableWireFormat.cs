using System.Globalization;

namespace Nurture.Storage.Tables;

/// <summary>Text forms shared by the REST client, the filter builder and the in-memory twin.</summary>
internal static class TableWireFormat
{
    /// <summary>ISO 8601 UTC with seven fractional digits, as the service stores DateTime.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses the service's DateTime text (any fraction length) as UTC.</summary>
    public static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
