using Nurture.Core.Journeys.Runtime;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>What an instance ended with: its output in Durable, readable through instance queries.</summary>
/// <param name="Status">Completed, exited or cancelled.</param>
/// <param name="Reason">Why.</param>
public sealed record JourneyOutcome(JourneyStatus Status, string? Reason);
