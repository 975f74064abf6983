using System.Collections.Immutable;

namespace Nurture.Core.SendTime;

/// <summary>
/// A shop's attention pattern: its contacts' exposure-corrected evidence in their local time, pooled and shrunk
/// toward <see cref="DefaultAttention"/>, plus the rates that calibrate the exposure correction and the zones
/// contacts live in. Built by <see cref="ShopSendTimePatternBuilder"/>; stored and refreshed by the host on a timer.
/// </summary>
/// <param name="Shape">Attention by local quarter hour of the week (<see cref="WeekSlots.PerWeek"/> values summing to 1).</param>
/// <param name="ResponseRate">Responses (human opens, clicks, replies) per hour a delivered message was waiting.</param>
/// <param name="OrganicRate">Engagement weight not caused by messages, per hour observed.</param>
/// <param name="EvidenceWeight">The effective evidence behind <see cref="Shape"/> (after per-contact caps).</param>
/// <param name="ContactCount">Contacts with evidence that contributed.</param>
/// <param name="TimeZone">The shop's own IANA time zone, used for contacts with none of their own; null for UTC.</param>
/// <param name="Zones">The most common zones of contacts with a known zone, largest share first.</param>
/// <param name="BuiltAt">When the pattern was built.</param>
/// <param name="Clusters">The kinds of routine among the contacts (a mixture whose average is about <see cref="Shape"/>); empty when too little evidence.</param>
public sealed record ShopSendTimePattern(
    ImmutableArray<double> Shape,
    double ResponseRate,
    double OrganicRate,
    double EvidenceWeight,
    int ContactCount,
    string? TimeZone,
    ImmutableArray<ShopZoneShare> Zones,
    DateTimeOffset? BuiltAt,
    ImmutableArray<RoutineCluster> Clusters = default)
{
    /// <summary>The pattern of a shop with no evidence yet: the default curve and the default rates.</summary>
    /// <param name="timeZone">The shop's time zone, if known.</param>
    /// <param name="options">Settings (the default rates); <see cref="SendTimeOptions.Default"/> when null.</param>
    public static ShopSendTimePattern Default(string? timeZone = null, SendTimeOptions? options = null)
    {
        var settings = options ?? SendTimeOptions.Default;
        return new(DefaultAttention.Shape, settings.DefaultResponseRate, settings.DefaultOrganicRate, 0, 0, timeZone, [], null, []);
    }

    /// <summary>Whether <see cref="Shape"/> has the right length and only finite, non-negative values with a positive sum.</summary>
    public bool IsWellFormed() =>
        !Shape.IsDefault && Shape.Length == WeekSlots.PerWeek && Shape.All(v => v >= 0 && double.IsFinite(v)) && Shape.Sum() > 0
        && ResponseRate > 0 && OrganicRate > 0 && double.IsFinite(ResponseRate) && double.IsFinite(OrganicRate);
}
