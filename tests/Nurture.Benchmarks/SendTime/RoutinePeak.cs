namespace Nurture.Benchmarks.SendTime;

/// <summary>One habitual attention peak in a contact's local day: a Gaussian bump around a time of day.</summary>
/// <param name="Days">The days it applies on.</param>
/// <param name="CenterHours">Local time of day of the peak, in hours (may exceed 24 for after midnight).</param>
/// <param name="WidthHours">Standard deviation, in hours.</param>
/// <param name="Height">Relative height.</param>
public sealed record RoutinePeak(DayKind Days, double CenterHours, double WidthHours, double Height)
{
    /// <summary>The bump's value at a local day of week and time of day.</summary>
    public double At(DayOfWeek day, double hourOfDay)
    {
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if ((Days == DayKind.Weekdays && weekend) || (Days == DayKind.Weekend && !weekend))
        {
            return 0;
        }

        var distance = Math.Abs(hourOfDay - (CenterHours % 24));
        distance = Math.Min(distance, 24 - distance);
        return Height * Math.Exp(-0.5 * distance * distance / (WidthHours * WidthHours));
    }
}
