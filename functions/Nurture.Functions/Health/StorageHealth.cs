namespace Nurture.Functions.Health;

/// <summary>Reachability of the storage services behind <c>AzureWebJobsStorage</c>.</summary>
/// <param name="Tables">The Table service.</param>
/// <param name="Queues">The Queue service.</param>
public sealed record StorageHealth(ServiceHealth Tables, ServiceHealth Queues);
