namespace Nurture.Functions.Health;

/// <summary>The body of <c>GET /api/health</c>.</summary>
/// <param name="Status">Healthy or unhealthy.</param>
/// <param name="Storage">Reachability of each storage service.</param>
public sealed record HealthReport(HealthStatus Status, StorageHealth Storage);
