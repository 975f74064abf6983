using System.Collections.Immutable;

namespace Nurture.Core.SendTime;

/// <summary>
/// One kind of routine among a shop's contacts (say, evening readers or early risers): attention by local quarter
/// hour on a weekday and on a weekend day, and the share of contacts that follow it. Learned by
/// <see cref="ShopSendTimePatternBuilder"/>; a contact's few engagements are usually enough to tell which kind they are.
/// </summary>
/// <param name="Weight">The share of contacts with this routine (the clusters' weights sum to 1).</param>
/// <param name="Weekday">Attention per quarter hour of a weekday (<see cref="WeekSlots.PerDay"/> values).</param>
/// <param name="Weekend">Attention per quarter hour of a Saturday or Sunday; 5 × Σ weekday + 2 × Σ weekend = 1.</param>
public sealed record RoutineCluster(double Weight, ImmutableArray<double> Weekday, ImmutableArray<double> Weekend)
{
    /// <summary>Attention at a local slot of the week.</summary>
    /// <param name="slot">Local slot (<see cref="WeekSlots"/>).</param>
    public double At(int slot)
    {
        var day = slot / WeekSlots.PerDay;
        var time = slot % WeekSlots.PerDay;
        return day is 0 or 6 ? Weekend[time] : Weekday[time];
    }

    /// <summary>Whether the arrays have the right lengths and finite, positive values.</summary>
    public bool IsWellFormed() =>
        Weight > 0 && double.IsFinite(Weight)
        && !Weekday.IsDefault && Weekday.Length == WeekSlots.PerDay && Weekday.All(v => v > 0 && double.IsFinite(v))
        && !Weekend.IsDefault && Weekend.Length == WeekSlots.PerDay && Weekend.All(v => v > 0 && double.IsFinite(v));

    /// <summary>A cluster from attention by day kind, normalised so the week sums to 1.</summary>
    /// <param name="weight">The cluster's weight.</param>
    /// <param name="weekday">Raw weekday attention per quarter hour.</param>
    /// <param name="weekend">Raw weekend attention per quarter hour.</param>
    public static RoutineCluster Normalised(double weight, IReadOnlyList<double> weekday, IReadOnlyList<double> weekend)
    {
        ArgumentNullException.ThrowIfNull(weekday);
        ArgumentNullException.ThrowIfNull(weekend);
        var total = (5 * weekday.Sum()) + (2 * weekend.Sum());
        return new RoutineCluster(weight, [.. weekday.Select(v => v / total)], [.. weekend.Select(v => v / total)]);
    }
}
