namespace Nurture.Core.Journeys.Runtime;

/// <summary>The one timer an instance waits on. Only a wake-up carrying this exact id advances the instance.</summary>
/// <param name="TimerId">Deterministic id (instance, node, visit, purpose, attempt).</param>
/// <param name="DueAt">When it fires.</param>
/// <param name="Purpose">Why it exists.</param>
/// <param name="NodeId">The node it belongs to.</param>
public sealed record PendingTimer(string TimerId, DateTimeOffset DueAt, TimerPurpose Purpose, string NodeId);
