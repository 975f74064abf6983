using Nurture.Core.Journeys.Runtime;

namespace Nurture.Storage.Journeys;

/// <summary>A live instance that nothing seems to be moving (see <see cref="JourneyInstanceStore.ListStalledAsync"/>).</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Status">Where it is.</param>
/// <param name="PendingCount">Side effects saved with its last decision and not yet applied.</param>
/// <param name="TimerId">The timer it waits on, if any.</param>
/// <param name="TimerDueAt">When that timer is due.</param>
public sealed record StalledInstance(string InstanceId, JourneyStatus Status, int PendingCount, string? TimerId, DateTimeOffset? TimerDueAt);
