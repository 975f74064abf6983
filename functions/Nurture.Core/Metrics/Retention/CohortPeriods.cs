using System.Globalization;

namespace Nurture.Core.Metrics.Retention;

/// <summary>Calendar arithmetic for cohorts: period starts, indexes and labels in the shop's time zone.</summary>
public static class CohortPeriods
{
    /// <summary>The first local day of the period holding <paramref name="at"/>.</summary>
    /// <param name="at">An instant.</param>
    /// <param name="grain">Week or month.</param>
    /// <param name="zone">The shop's time zone.</param>
    public static DateOnly StartOf(DateTimeOffset at, CohortGrain grain, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return grain == CohortGrain.Week
            ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7))
            : new DateOnly(day.Year, day.Month, 1);
    }

    /// <summary>How many periods <paramref name="period"/> lies after <paramref name="cohort"/> (both period starts).</summary>
    /// <param name="cohort">The cohort's period start.</param>
    /// <param name="period">A later period start.</param>
    /// <param name="grain">Week or month.</param>
    public static int Index(DateOnly cohort, DateOnly period, CohortGrain grain) => grain == CohortGrain.Week
        ? (period.DayNumber - cohort.DayNumber) / 7
        : ((period.Year - cohort.Year) * 12) + period.Month - cohort.Month;

    /// <summary>The start of the period <paramref name="periods"/> after <paramref name="start"/>.</summary>
    /// <param name="start">A period start.</param>
    /// <param name="periods">How many periods on (may be negative).</param>
    /// <param name="grain">Week or month.</param>
    public static DateOnly Add(DateOnly start, int periods, CohortGrain grain) =>
        grain == CohortGrain.Week ? start.AddDays(7 * periods) : start.AddMonths(periods);

    /// <summary>The instant a local day begins in the shop's zone.</summary>
    /// <param name="day">The local day.</param>
    /// <param name="zone">The shop's time zone.</param>
    public static DateTimeOffset Instant(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // A day that starts inside a daylight-saving gap begins at the first valid minute.
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A period's label: <c>2025-W03</c> (ISO week) or <c>2025-03</c>.</summary>
    /// <param name="start">The period start.</param>
    /// <param name="grain">Week or month.</param>
    public static string Label(DateOnly start, CohortGrain grain)
    {
        if (grain == CohortGrain.Month)
        {
            return start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        var date = start.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }
}
