namespace Nurture.Functions.Health;

/// <summary>The body of <c>GET /api/health</c>.</summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c>.</param>
/// <param name="Storage">Reachability of each storage service.</param>
public sealed record HealthReport(string Status, StorageHealth Storage);
