namespace Nurture.Core.Profiles;

/// <summary>An attribute value with the time of the event that set it, so a late older event cannot overwrite it.</summary>
/// <param name="Value">The value.</param>
/// <param name="At">The time of the event that set it.</param>
/// <param name="Source">Who set it (the event source name, or <c>manual</c> for a correction).</param>
public sealed record StampedValue(string Value, DateTimeOffset At, string Source)
{
    /// <summary>The later of two values; at the same instant the ordinal larger value, so the choice never depends on order.</summary>
    public static StampedValue Latest(StampedValue a, StampedValue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byTime = a.At.CompareTo(b.At);
        if (byTime != 0)
        {
            return byTime > 0 ? a : b;
        }

        var byValue = string.CompareOrdinal(a.Value, b.Value);
        return byValue != 0 ? (byValue > 0 ? a : b) : (string.CompareOrdinal(a.Source, b.Source) >= 0 ? a : b);
    }
}
