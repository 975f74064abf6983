using Nurture.Core.SendTime;

namespace Nurture.Core.Metrics.Portrait;

/// <summary>Folds a profile's send-time engagement (UTC quarter hours of the week) onto the 24 hours of the contact's day.</summary>
public static class EngagementHours
{
    /// <summary>
    /// 24 scores, index = local hour, from the model's recorded engagement. The contact's zone (when known) shifts
    /// the hours by its offset at <paramref name="asOf"/>; without one the hours are UTC.
    /// </summary>
    /// <param name="model">The profile's send-time model.</param>
    /// <param name="zone">The contact's time zone, if known.</param>
    /// <param name="asOf">The instant whose offset is used.</param>
    public static double[] OfDay(SendTimeModel model, TimeZoneInfo? zone, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        var hours = new double[24];
        var engagement = model.Engagement;
        var shiftMinutes = zone is null ? 0 : (int)zone.GetUtcOffset(asOf).TotalMinutes;
        for (var i = 0; i < engagement.Count; i++)
        {
            var slot = engagement.Keys[i] % WeekSlots.PerWeek % WeekSlots.PerDay;
            var minutes = (((slot * WeekSlots.SlotMinutes) + shiftMinutes) % 1440 + 1440) % 1440;
            hours[minutes / 60] += engagement.Values[i];
        }

        return hours;
    }
}
