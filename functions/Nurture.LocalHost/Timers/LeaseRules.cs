namespace Nurture.LocalHost.Timers;

/// <summary>Who may take a lease, pure.</summary>
public static class LeaseRules
{
    /// <summary>True when there is no holder, the lease has expired, or <paramref name="candidate"/> already holds it.</summary>
    public static bool CanTake(string? owner, DateTimeOffset? expiresAt, string candidate, DateTimeOffset now) =>
        owner is null || expiresAt is null || expiresAt <= now || string.Equals(owner, candidate, StringComparison.Ordinal);
}
