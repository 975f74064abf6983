namespace Nurture.Functions.Reports;

/// <summary>How the report timers read and refresh (section <c>Metrics:Reports</c>).</summary>
public sealed class ReportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Metrics:Reports";

    /// <summary>
    /// Days before the watermark read again on every run: events are filed under the day they occurred, so one that
    /// arrives late lands in a day already read. Facts are keyed by id, so reading a day twice changes nothing.
    /// </summary>
    public int LateArrivalDays { get; set; } = 2;

    /// <summary>A report computed less than this long ago is kept: a past-due catch-up next to the regular run does nothing.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromMinutes(50);
}
