namespace Nurture.Core.Journeys.Runtime.Commands;

/// <summary>Deliver a <c>WakeUp</c> with this timer id at (or soon after) <see cref="At"/>.</summary>
/// <remarks>Queue visibility delays top out at 7 days; the runner chains longer waits. Duplicate wake-ups are harmless.</remarks>
/// <param name="InstanceId">The instance to wake.</param>
/// <param name="TimerId">The timer id.</param>
/// <param name="At">When.</param>
public sealed record ScheduleWakeUp(string InstanceId, string TimerId, DateTimeOffset At) : JourneyCommand;
