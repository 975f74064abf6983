using System.Globalization;

namespace Nurture.Functions;

/// <summary>A window written the short way, a whole number and a unit: <c>90m</c>, <c>24h</c>, <c>7d</c>.</summary>
public static class WindowText
{
    /// <summary>Reads <paramref name="text"/> (surrounding spaces and the unit's case ignored); false when it is not such a window.</summary>
    public static bool TryParse(string text, out TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(text);
        window = default;
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || !int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        switch (char.ToLowerInvariant(trimmed[^1]))
        {
            case 'm':
                window = TimeSpan.FromMinutes(amount);
                return true;
            case 'h':
                window = TimeSpan.FromHours(amount);
                return true;
            case 'd':
                window = TimeSpan.FromDays(amount);
                return true;
            default:
                return false;
        }
    }
}
