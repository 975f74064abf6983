namespace Nurture.Storage.Repositories;

/// <summary>What <see cref="ProcessedEvents.ClaimAsync"/> found.</summary>
/// <param name="Processed">Whether the event has been processed completely already.</param>
/// <param name="OccurredAt">The event's time, as its first delivery mapped it.</param>
/// <param name="ReceivedAt">When its first delivery arrived.</param>
public sealed record EventClaim(bool Processed, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt);
