namespace Nurture.Core.Metrics.Portrait;

/// <summary>When a contact usually engages, in their local time.</summary>
/// <param name="Hours">The best hours of the day (0–23), ascending.</param>
/// <param name="DayPart">The part of the day holding the most engagement.</param>
public sealed record ActiveTime(IReadOnlyList<int> Hours, DayPart DayPart)
{
    /// <summary>
    /// From 24 hour-of-day engagement scores (local time; the send-time model provides them): the best
    /// hours (highest score, ties to the earlier hour, zero scores never) and the day part with the largest
    /// sum (ties to the earlier part). Null when the scores sum to less than the minimum.
    /// </summary>
    /// <param name="hourOfDayScores">24 non-negative scores, index = local hour.</param>
    /// <param name="settings">How many hours, and the minimum total.</param>
    public static ActiveTime? FromHourOfDay(IReadOnlyList<double> hourOfDayScores, PortraitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(hourOfDayScores);
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        if (hourOfDayScores.Count != 24)
        {
            throw new ArgumentException($"Hour-of-day scores need 24 values; got {hourOfDayScores.Count}.", nameof(hourOfDayScores));
        }

        var total = 0d;
        var parts = new double[4];
        for (var hour = 0; hour < 24; hour++)
        {
            var score = hourOfDayScores[hour];
            if (!double.IsFinite(score) || score < 0)
            {
                throw new ArgumentException($"Hour-of-day score {hour} is {score}; scores must be finite and not negative.", nameof(hourOfDayScores));
            }

            total += score;
            parts[hour / 6] += score;
        }

        if (total < settings.ActiveTimeMinimumTotal)
        {
            return null;
        }

        var ranked = new List<int>(24);
        for (var hour = 0; hour < 24; hour++)
        {
            if (hourOfDayScores[hour] > 0)
            {
                ranked.Add(hour);
            }
        }

        ranked.Sort((a, b) =>
        {
            var c = hourOfDayScores[b].CompareTo(hourOfDayScores[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        if (ranked.Count > settings.ActiveHours)
        {
            ranked.RemoveRange(settings.ActiveHours, ranked.Count - settings.ActiveHours);
        }

        ranked.Sort();
        var best = 0;
        for (var part = 1; part < 4; part++)
        {
            if (parts[part] > parts[best])
            {
                best = part;
            }
        }

        return new ActiveTime(ranked, (DayPart)best);
    }

    /// <summary>From 168 hour-of-week scores (local, index = day × 24 + hour, as <c>JourneyContact.EngagementByHourOfWeek</c>), folded onto the day.</summary>
    /// <param name="hourOfWeekScores">168 non-negative scores.</param>
    /// <param name="settings">How many hours, and the minimum total.</param>
    public static ActiveTime? FromHourOfWeek(IReadOnlyList<double> hourOfWeekScores, PortraitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(hourOfWeekScores);
        if (hourOfWeekScores.Count != 168)
        {
            throw new ArgumentException($"Hour-of-week scores need 168 values; got {hourOfWeekScores.Count}.", nameof(hourOfWeekScores));
        }

        var day = new double[24];
        for (var i = 0; i < 168; i++)
        {
            day[i % 24] += hourOfWeekScores[i];
        }

        return FromHourOfDay(day, settings);
    }
}
