using Nurture.Core.Journeys.Runtime;

namespace Nurture.Functions.Journeys;

/// <summary>One line of an instance listing.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version it runs on.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Status">Its journey status.</param>
/// <param name="NodeId">The node it is at.</param>
/// <param name="UpdatedAt">When it last moved.</param>
public sealed record InstanceSummary(string InstanceId, string JourneyId, int Version, string ContactId, JourneyStatus Status, string? NodeId, DateTimeOffset UpdatedAt);
