using System.Collections.Immutable;

namespace Nurture.Core.Profiles;

/// <summary>
/// When a contact engages, by hour of week: 168 buckets (bucket = day × 24 + hour, UTC, Sunday = day 0), each
/// an exponentially decayed sum of engagement weights, valued as of <see cref="AsOf"/>.
/// </summary>
/// <remarks>
/// Decay is computed from event times only, never from a clock: adding an event later than <see cref="AsOf"/>
/// first decays every bucket forward to it; adding an earlier one (a late delivery) adds its weight already
/// decayed to <see cref="AsOf"/>. Either way the result is the same as applying events in time order, so
/// updates commute (up to floating-point rounding). Send-time code converts buckets to the contact's zone.
/// </remarks>
public sealed record EngagementHistogram
{
    /// <summary>Hours in a week: the number of buckets.</summary>
    public const int BucketCount = 168;

    /// <summary>An empty histogram.</summary>
    public static EngagementHistogram Empty { get; } = new();

    /// <summary>The decayed weights, valued at <see cref="AsOf"/>.</summary>
    public ImmutableArray<double> Buckets { get; init; } = ImmutableArray.Create(new double[BucketCount]);

    /// <summary>The time the buckets are valued at: the latest event added; null when empty.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The bucket an instant falls in.</summary>
    public static int BucketOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return ((int)utc.DayOfWeek * 24) + utc.Hour;
    }

    /// <summary>The factor that decays a weight over <paramref name="elapsed"/>.</summary>
    public static double DecayFactor(TimeSpan elapsed, TimeSpan halfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        return elapsed <= TimeSpan.Zero ? 1d : Math.Pow(0.5, elapsed / halfLife);
    }

    /// <summary>Adds an engagement of <paramref name="weight"/> at <paramref name="at"/>.</summary>
    public EngagementHistogram Add(DateTimeOffset at, double weight, TimeSpan halfLife)
    {
        if (weight <= 0 || double.IsNaN(weight) || double.IsInfinity(weight))
        {
            return this;
        }

        var bucket = BucketOf(at);
        if (AsOf is null || at >= AsOf.Value)
        {
            var factor = AsOf is null ? 1d : DecayFactor(at - AsOf.Value, halfLife);
            var next = Buckets.Select(b => b * factor).ToArray();
            next[bucket] += weight;
            return new EngagementHistogram { Buckets = ImmutableArray.Create(next), AsOf = at };
        }

        return this with { Buckets = Buckets.SetItem(bucket, Buckets[bucket] + (weight * DecayFactor(AsOf.Value - at, halfLife))) };
    }

    /// <summary>The sum of two histograms, valued at the later <see cref="AsOf"/> (identity merge).</summary>
    public EngagementHistogram Merge(EngagementHistogram other, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.AsOf is null)
        {
            return this;
        }

        if (AsOf is null)
        {
            return other;
        }

        var asOf = AsOf.Value >= other.AsOf.Value ? AsOf.Value : other.AsOf.Value;
        var mine = DecayFactor(asOf - AsOf.Value, halfLife);
        var theirs = DecayFactor(asOf - other.AsOf.Value, halfLife);
        var sum = new double[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            sum[i] = (Buckets[i] * mine) + (other.Buckets[i] * theirs);
        }

        return new EngagementHistogram { Buckets = ImmutableArray.Create(sum), AsOf = asOf };
    }

    /// <summary>The buckets decayed to <paramref name="now"/> (for scoring; never earlier than <see cref="AsOf"/>).</summary>
    public IReadOnlyList<double> ValuesAt(DateTimeOffset now, TimeSpan halfLife)
    {
        var factor = AsOf is null ? 1d : DecayFactor(now - AsOf.Value, halfLife);
        return Buckets.Select(b => b * factor).ToArray();
    }
}
