namespace Nurture.Functions.Catalog;

/// <summary>What a timer function receives: whether this run is late and the schedule's status.</summary>
/// <param name="IsPastDue">True when the occurrence was missed (for example while the app was down) and runs late.</param>
/// <param name="ScheduleStatus">Last and next occurrences, when the host keeps them.</param>
public sealed record TimerInfo(bool IsPastDue, ScheduleStatus? ScheduleStatus);
