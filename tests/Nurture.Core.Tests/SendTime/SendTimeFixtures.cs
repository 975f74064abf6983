using System.Collections.Immutable;
using Nurture.Core.SendTime;

namespace Nurture.Core.Tests.SendTime;

/// <summary>Literal inputs shared by the send-time tests.</summary>
internal static class SendTimeFixtures
{
    /// <summary>Monday 2 March 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(60);

    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>A shop whose pattern is flat: the contact's own evidence decides.</summary>
    public static ShopSendTimePattern FlatShop { get; } = Shop(_ => 1);

    /// <summary>A shop whose contacts read at 19:00-21:00 local on every day.</summary>
    public static ShopSendTimePattern EveningShop { get; } = Shop(hour => hour is >= 19 and < 21 ? 10 : 1);

    /// <summary>A pattern from a function of the local hour (no clusters, plenty of evidence).</summary>
    public static ShopSendTimePattern Shop(Func<double, double> byHour, string? timeZone = null, params ShopZoneShare[] zones)
    {
        var shape = Enumerable.Range(0, WeekSlots.PerWeek).Select(slot => byHour((slot % WeekSlots.PerDay) / 4d)).ToArray();
        var total = shape.Sum();
        return new ShopSendTimePattern([.. shape.Select(v => v / total)], 0.05, 0.005, 10_000, 1_000, timeZone, [.. zones], T0, []);
    }

    /// <summary>Engagements on each of the <paramref name="weeks"/> weeks before <paramref name="now"/>, on weekdays, at a local time in a zone.</summary>
    public static SendTimeModel Weekdays(SendTimeModel model, TimeZoneInfo zone, TimeOnly local, int weeks, DateTimeOffset now, bool response = false, double weight = 1)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-7 * weeks);
        for (; day.ToDateTime(local) < now.UtcDateTime.AddDays(-1); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var wall = day.ToDateTime(local);
            model = model.WithEngagement(new DateTimeOffset(wall, zone.GetUtcOffset(wall)), weight, response, HalfLife);
        }

        return model;
    }

    /// <summary>Deliveries at a local time on weekdays (the exposure).</summary>
    public static SendTimeModel Deliveries(SendTimeModel model, TimeZoneInfo zone, TimeOnly local, int weeks, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-7 * weeks);
        for (; day.ToDateTime(local) < now.UtcDateTime.AddDays(-1); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                var wall = day.ToDateTime(local);
                model = model.WithDelivery(new DateTimeOffset(wall, zone.GetUtcOffset(wall)), HalfLife);
            }
        }

        return model;
    }

    /// <summary>The local time of day of a choice.</summary>
    public static TimeOnly LocalTime(SendTimeChoice choice) => TimeOnly.FromDateTime(choice.LocalAt.DateTime);

    public static ImmutableArray<double> Normalised(double[] values) => [.. values.Select(v => v / values.Sum())];
}
