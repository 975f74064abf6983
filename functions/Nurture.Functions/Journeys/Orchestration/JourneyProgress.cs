using Nurture.Core.Journeys.Runtime;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>The Durable custom status of a journey instance: what instance queries filter and list by.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version it runs on.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Status">The journey-level status (waiting, waiting for an event, paused, ...).</param>
/// <param name="NodeId">The node it is at.</param>
public sealed record JourneyProgress(string JourneyId, int Version, string ContactId, JourneyStatus Status, string? NodeId);
