namespace Nurture.Functions.Journeys;

/// <summary>Answer of <c>GET /api/journeys/instances</c>.</summary>
/// <param name="Count">How many instances are listed.</param>
/// <param name="Instances">The instances, newest first as Durable lists them.</param>
public sealed record InstanceListing(int Count, IReadOnlyList<InstanceSummary> Instances);
