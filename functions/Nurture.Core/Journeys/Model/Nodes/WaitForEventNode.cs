using System.Text.Json.Serialization;
using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Waits for the contact to do something, with a timeout branch.</summary>
/// <param name="Id">Node id.</param>
/// <param name="EventType">The awaited event type.</param>
/// <param name="Timeout">How long to wait.</param>
/// <param name="Next">Where to go when the event arrives; null ends the journey.</param>
/// <param name="TimeoutNext">Where to go on timeout; null ends the journey.</param>
/// <param name="Match">Keys that must equal the entry event's (e.g. the same checkout), so only that instance resumes.</param>
/// <param name="Filter">Optional condition on the awaited event.</param>
public sealed record WaitForEventNode(
    string Id,
    string EventType,
    TimeSpan Timeout,
    string? Next,
    string? TimeoutNext,
    IReadOnlyList<KeyMatch>? Match = null,
    Condition? Filter = null) : JourneyNode(Id)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => JourneyNodeTypes.WaitForEvent;

    /// <inheritdoc />
    public override IEnumerable<(string Label, string? Target)> Edges()
    {
        yield return ("next", Next);
        yield return ("timeout_next", TimeoutNext);
    }
}
