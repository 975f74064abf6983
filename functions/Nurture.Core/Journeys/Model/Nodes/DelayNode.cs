using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>
/// Waits before moving on: a fixed duration, a number of days read from the contact or entry event, and/or
/// until the next local time of day in the contact's time zone (applied after the duration).
/// </summary>
/// <param name="Id">Node id.</param>
/// <param name="Next">The node after the wait; null ends the journey.</param>
/// <param name="Duration">Fixed wait (e.g. <c>01:00:00</c>, <c>1.00:00:00</c>).</param>
/// <param name="DaysFrom">Path to a number of days, e.g. <c>contact.attributes.purchase_cycle_days</c>; used instead of <paramref name="Duration"/> when it resolves.</param>
/// <param name="AtLocalTime">Then wait until this local time of day in the contact's time zone.</param>
public sealed record DelayNode(string Id, string? Next, TimeSpan? Duration = null, string? DaysFrom = null, TimeOnly? AtLocalTime = null) : JourneyNode(Id)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => JourneyNodeTypes.Delay;

    /// <inheritdoc />
    public override IEnumerable<(string Label, string? Target)> Edges()
    {
        yield return ("next", Next);
    }
}
