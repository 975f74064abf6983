using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Runtime;

/// <summary>
/// Everything the decider knows about one instance between triggers. The runner stores it (with its ETag) and
/// passes it back unchanged with the next trigger.
/// </summary>
/// <remarks>
/// <see cref="Version"/> pins the definition: the runner must load that version for every later trigger, so a
/// newly published version never changes a running instance.
/// </remarks>
/// <param name="InstanceId">Deterministic instance id.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The journey version this instance runs on.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Status">Life-cycle status.</param>
/// <param name="InstanceKey">Value of the journey's instance key in the entry event, if any.</param>
/// <param name="Entry">The entry event, if entered by one.</param>
/// <param name="StartedAt">When the instance started (null while pending).</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="EndReason">Why it ended.</param>
/// <param name="CurrentNodeId">The node the instance is at.</param>
/// <param name="Visits">How many times each node was entered (part of message ids, so loops send new messages).</param>
/// <param name="SendAttempt">How many times the current send node was deferred.</param>
/// <param name="Timer">The pending timer, if any.</param>
/// <param name="LastEvent">The event that last resumed a wait.</param>
/// <param name="Variants">Split node id → chosen variant name (or <c>holdout</c>).</param>
/// <param name="SeenEventIds">Recently handled event ids, so a redelivered event changes nothing.</param>
/// <param name="PausedFrom">The status to return to on resume.</param>
/// <param name="HeldEvent">An awaited event that arrived while paused, handled on resume.</param>
/// <param name="Steps">Nodes entered so far.</param>
public sealed record JourneyState(
    string InstanceId,
    string JourneyId,
    int Version,
    string ContactId,
    JourneyStatus Status,
    string? InstanceKey = null,
    EventSnapshot? Entry = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    string? EndReason = null,
    string? CurrentNodeId = null,
    ImmutableDictionary<string, int>? Visits = null,
    int SendAttempt = 0,
    PendingTimer? Timer = null,
    EventSnapshot? LastEvent = null,
    ImmutableDictionary<string, string>? Variants = null,
    ImmutableList<string>? SeenEventIds = null,
    JourneyStatus? PausedFrom = null,
    EventSnapshot? HeldEvent = null,
    int Steps = 0)
{
    /// <summary>How many event ids an instance remembers for duplicate detection.</summary>
    public const int SeenEventLimit = 64;

    /// <summary>Visits, never null.</summary>
    [JsonIgnore]
    public ImmutableDictionary<string, int> VisitsOrEmpty => Visits ?? ImmutableDictionary<string, int>.Empty;

    /// <summary>Variants, never null.</summary>
    [JsonIgnore]
    public ImmutableDictionary<string, string> VariantsOrEmpty => Variants ?? ImmutableDictionary<string, string>.Empty;

    /// <summary>Seen event ids, never null.</summary>
    [JsonIgnore]
    public ImmutableList<string> SeenEventIdsOrEmpty => SeenEventIds ?? [];

    /// <summary>How many times a node was entered.</summary>
    /// <param name="nodeId">The node.</param>
    public int VisitsTo(string nodeId) => VisitsOrEmpty.GetValueOrDefault(nodeId);

    /// <summary>Whether the instance has ended for good.</summary>
    [JsonIgnore]
    public bool IsFinished => Status.IsFinished();
}
