namespace Nurture.Functions.Journeys;

/// <summary>Settings of <c>RepairJourneys</c> (section <c>Journeys:Repair</c>).</summary>
public sealed class JourneyRepairOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Journeys:Repair";

    /// <summary>
    /// How long an instance may sit with unapplied side effects, unstarted, or past its timer's due time before the
    /// sweep nudges it. Longer than a trigger's retries normally take, so the sweep only catches what the queue gave up on.
    /// </summary>
    public TimeSpan After { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most instances one sweep nudges; the next sweep takes the rest.</summary>
    public int MaxPerRun { get; set; } = 1000;
}
