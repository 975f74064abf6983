using System.Collections.Concurrent;

namespace Nurture.Core.SendTime;

/// <summary>
/// The week as 672 quarter-hour slots (slot = day of week × 96 + quarter of the day, Sunday = day 0), and the
/// keys under which stored evidence is filed: the UTC slot plus the DST season of the instant.
/// </summary>
/// <remarks>
/// Evidence is stored by UTC slot because the contact's zone may be unknown when it arrives (it can be learned
/// or inferred later) and so that updates commute whatever the order. To read it in local time without
/// daylight-saving errors, each key also says which half of the year the instant fell in: northern summer
/// (the EU rule, last Sunday of March to last Sunday of October, 01:00 UTC) or the rest. A zone's offset in
/// each half is fixed, so local time is exact except in the one to three weeks a year when a zone's own rule
/// differs from the EU dates (North America), where it is one hour off.
/// </remarks>
public static class WeekSlots
{
    /// <summary>Minutes in a slot.</summary>
    public const int SlotMinutes = 15;

    /// <summary>Slots in a day.</summary>
    public const int PerDay = 96;

    /// <summary>Slots in a week.</summary>
    public const int PerWeek = 7 * PerDay;

    /// <summary>Keys of stored evidence: one week of slots per season.</summary>
    public const int KeyCount = 2 * PerWeek;

    /// <summary>A slot's length.</summary>
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(SlotMinutes);

    private static readonly ConcurrentDictionary<(string Zone, int Year), (int Winter, int Summer)> Offsets = new();

    /// <summary>The slot of a wall-clock time (day of week and time of day).</summary>
    /// <param name="wallClock">Local or UTC wall-clock time.</param>
    public static int Of(DateTime wallClock) =>
        ((int)wallClock.DayOfWeek * PerDay) + (wallClock.Hour * 4) + (wallClock.Minute / SlotMinutes);

    /// <summary>The UTC slot of an instant.</summary>
    /// <param name="instant">The instant.</param>
    public static int UtcSlot(DateTimeOffset instant) => Of(instant.UtcDateTime);

    /// <summary>The local slot of an instant in a zone, at the offset in force at that instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The time zone.</param>
    public static int LocalSlot(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Of(instant.UtcDateTime + zone.GetUtcOffset(instant));
    }

    /// <summary>Whether an instant falls in the northern summer half of the year (EU daylight-saving dates).</summary>
    /// <param name="instant">The instant.</param>
    public static bool IsNorthernSummer(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc >= LastSundayOneAm(utc.Year, 3) && utc < LastSundayOneAm(utc.Year, 10);
    }

    /// <summary>The storage key of an instant: season × <see cref="PerWeek"/> + UTC slot.</summary>
    /// <param name="instant">The instant.</param>
    public static int KeyOf(DateTimeOffset instant) => ((IsNorthernSummer(instant) ? 1 : 0) * PerWeek) + UtcSlot(instant);

    /// <summary>
    /// A zone's UTC offset in slots in each season of the year of <paramref name="reference"/>: index 0 for the
    /// northern winter (mid-January), 1 for the northern summer (mid-July).
    /// </summary>
    /// <param name="zone">The time zone.</param>
    /// <param name="reference">An instant in the year whose rules apply.</param>
    public static (int Winter, int Summer) SeasonOffsets(TimeZoneInfo zone, DateTimeOffset reference)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Offsets.GetOrAdd((zone.Id, reference.UtcDateTime.Year), static (key, zone) =>
        {
            var winter = zone.GetUtcOffset(new DateTimeOffset(key.Year, 1, 15, 12, 0, 0, TimeSpan.Zero));
            var summer = zone.GetUtcOffset(new DateTimeOffset(key.Year, 7, 15, 12, 0, 0, TimeSpan.Zero));
            return ((int)Math.Round(winter.TotalMinutes / SlotMinutes), (int)Math.Round(summer.TotalMinutes / SlotMinutes));
        }, zone);
    }

    /// <summary>The local slot of a storage key, given the zone's offsets per season.</summary>
    /// <param name="key">A key from <see cref="KeyOf"/>.</param>
    /// <param name="offsets">The zone's offsets from <see cref="SeasonOffsets"/>.</param>
    public static int LocalSlotOfKey(int key, (int Winter, int Summer) offsets)
    {
        var summer = key >= PerWeek;
        var utcSlot = summer ? key - PerWeek : key;
        return Wrap(utcSlot + (summer ? offsets.Summer : offsets.Winter));
    }

    /// <summary>A slot index brought into [0, <see cref="PerWeek"/>).</summary>
    /// <param name="slot">Any slot index.</param>
    public static int Wrap(int slot) => ((slot % PerWeek) + PerWeek) % PerWeek;

    private static DateTime LastSundayOneAm(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
