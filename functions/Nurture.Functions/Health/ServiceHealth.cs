namespace Nurture.Functions.Health;

/// <summary>One service's probe result.</summary>
/// <param name="Reachable">True when it answered.</param>
/// <param name="Error">Why not, when it did not.</param>
public sealed record ServiceHealth(bool Reachable, string? Error);
