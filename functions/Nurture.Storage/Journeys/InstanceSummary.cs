using Nurture.Core.Journeys.Runtime;

namespace Nurture.Storage.Journeys;

/// <summary>One line of an instance listing.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Version">The version it runs.</param>
/// <param name="ContactId">Its contact.</param>
/// <param name="Status">Where it is.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record InstanceSummary(string InstanceId, string JourneyId, int Version, string ContactId, JourneyStatus Status, DateTimeOffset? UpdatedAt);
