using System.Text.Json.Serialization;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Core.Journeys.Decider;

/// <summary>The outcome of one decision: the state to save and the commands to apply.</summary>
/// <param name="State">The new state (save with If-Match on the ETag it was loaded with).</param>
/// <param name="Commands">What to do, in order.</param>
public sealed record DecisionResult(JourneyState State, IReadOnlyList<JourneyCommand> Commands)
{
    /// <summary>Whether the decision changed nothing (a duplicate or stale trigger): nothing to save or apply.</summary>
    [JsonIgnore]
    public bool IsNoOp => Commands.Count == 0;

    /// <summary>The send commands.</summary>
    [JsonIgnore]
    public IReadOnlyList<SendMessage> Sends => Commands.OfType<SendMessage>().ToList();

    /// <summary>The timeline entries.</summary>
    [JsonIgnore]
    public IReadOnlyList<HistoryEntry> History => Commands.OfType<RecordHistory>().Select(c => c.Entry).ToList();

    /// <summary>The wake-ups to schedule.</summary>
    [JsonIgnore]
    public IReadOnlyList<ScheduleWakeUp> WakeUps => Commands.OfType<ScheduleWakeUp>().ToList();
}
