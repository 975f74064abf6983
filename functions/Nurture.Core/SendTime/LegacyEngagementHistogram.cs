namespace Nurture.Core.SendTime;

/// <summary>
/// The hour-of-week engagement histogram profiles stored before the send-time model (168 UTC hour buckets,
/// Sunday 00:00 = 0, decayed weights valued at <see cref="AsOf"/>). Read from old profiles only, never written.
/// </summary>
public sealed record LegacyEngagementHistogram
{
    /// <summary>Hours in a week: the number of buckets.</summary>
    public const int BucketCount = 168;

    private static readonly TimeSpan OldHalfLife = TimeSpan.FromDays(30);

    /// <summary>The decayed weights by UTC hour of week.</summary>
    public double[]? Buckets { get; init; }

    /// <summary>The time the weights were valued at; null when the histogram was empty.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>
    /// The equivalent send-time model: each hour's weight spread over its four quarter hours, in the DST season
    /// of <see cref="AsOf"/>. What the old histogram did not keep is assumed: no deliveries and no responses
    /// (so no exposure correction until new events arrive), an evidence count of the rounded total weight, and
    /// observation over the old 30-day half-life. Null when there is nothing to convert.
    /// </summary>
    public SendTimeModel? ToModel()
    {
        if (AsOf is not { } asOf || Buckets is not { Length: BucketCount } buckets || !buckets.Any(b => b > 0 && double.IsFinite(b)))
        {
            return null;
        }

        var season = WeekSlots.IsNorthernSummer(asOf) ? WeekSlots.PerWeek : 0;
        var weights = SlotWeights.Empty;
        for (var hour = 0; hour < BucketCount; hour++)
        {
            if (buckets[hour] > 0 && double.IsFinite(buckets[hour]))
            {
                for (var quarter = 0; quarter < 4; quarter++)
                {
                    weights = weights.Add(season + (hour * 4) + quarter, buckets[hour] / 4);
                }
            }
        }

        var total = weights.Total();
        var since = asOf - OldHalfLife;
        return new SendTimeModel
        {
            Engagement = weights.Trim(SendTimeModel.EngagementCapacity),
            EngagementCount = Math.Max(1, (int)Math.Round(total)),
            Since = since,
            AsOf = asOf,
            ObservedHours = SendTimeModel.DecayedHours(since, asOf, OldHalfLife),
        };
    }
}
