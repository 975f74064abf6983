namespace Nurture.LocalHost.Timers;

/// <summary>Settings of the timer scheduler (section <c>Timers</c>; the zone from <c>WEBSITE_TIME_ZONE</c>).</summary>
public sealed class TimerSchedulerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Timers";

    /// <summary>The setting the Functions host reads the schedule time zone from.</summary>
    public const string TimeZoneSetting = "WEBSITE_TIME_ZONE";

    /// <summary>Table holding each timer's last/next occurrences.</summary>
    public string StatusTable { get; set; } = "NurtureTimerStatus";

    /// <summary>Table holding the lease that lets one instance run each timer.</summary>
    public string LeaseTable { get; set; } = "NurtureLeases";

    /// <summary>How long a lease lasts without renewal; the holder renews at a third of it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time zone id (Windows or IANA) the schedules are read in; null means UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The zone in effect.</summary>
    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
