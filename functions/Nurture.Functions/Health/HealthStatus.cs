namespace Nurture.Functions.Health;

/// <summary>Whether the app can do its work.</summary>
public enum HealthStatus
{
    /// <summary>Every storage service answered.</summary>
    Healthy,

    /// <summary>At least one did not.</summary>
    Unhealthy,
}
