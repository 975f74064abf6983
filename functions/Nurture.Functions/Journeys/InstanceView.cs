using Nurture.Core.Journeys.Runtime;

namespace Nurture.Functions.Journeys;

/// <summary>Answer of <c>GET /api/journeys/instances/{instanceId}</c>: the state and its timeline.</summary>
/// <param name="State">The instance's state.</param>
/// <param name="Timeline">Every step, decision, send, skip and its reason, oldest first.</param>
/// <param name="PendingCommands">Side effects of the last decision not yet confirmed as applied.</param>
public sealed record InstanceView(JourneyState State, IReadOnlyList<HistoryEntry> Timeline, int PendingCommands);
