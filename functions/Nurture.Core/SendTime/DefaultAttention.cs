using System.Collections.Immutable;

namespace Nurture.Core.SendTime;

/// <summary>
/// The curve assumed before a shop has evidence of its own: by local quarter hour of the week, summing to 1.
/// Weekdays: little at night, a morning rise, a lunch bump and the evening peak around 19:30; weekends: a
/// late morning and an evening peak. It only breaks ties until evidence arrives.
/// </summary>
public static class DefaultAttention
{
    /// <summary>The curve: <see cref="WeekSlots.PerWeek"/> values summing to 1.</summary>
    public static ImmutableArray<double> Shape { get; } = Build();

    private static ImmutableArray<double> Build()
    {
        var values = new double[WeekSlots.PerWeek];
        for (var slot = 0; slot < WeekSlots.PerWeek; slot++)
        {
            var day = (DayOfWeek)(slot / WeekSlots.PerDay);
            var hour = (slot % WeekSlots.PerDay) / 4d;
            var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var awake = hour is >= 7 and < 23 ? 0.15 : 0.02;
            values[slot] = weekend
                ? awake + Bump(hour, 10.5, 1.5, 0.8) + Bump(hour, 20, 1.5, 0.9)
                : awake + Bump(hour, 7.5, 1, 0.5) + Bump(hour, 12.5, 1, 0.6) + Bump(hour, 19.5, 1.5, 1);
        }

        var total = values.Sum();
        return [.. values.Select(v => v / total)];
    }

    private static double Bump(double hour, double center, double width, double height)
    {
        var distance = Math.Abs(hour - center);
        distance = Math.Min(distance, 24 - distance);
        return height * Math.Exp(-0.5 * distance * distance / (width * width));
    }
}
