using NCrontab;

namespace Nurture.LocalHost.Timers;

/// <summary>
/// A 6-field NCRONTAB schedule (<c>sec min hour day month day-of-week</c>) evaluated in a time zone, as the
/// Functions timer trigger does with <c>WEBSITE_TIME_ZONE</c>. Pure: every method takes the instant it reasons about.
/// </summary>
public sealed class CronSchedule
{
    private static readonly CrontabSchedule.ParseOptions Options = new() { IncludingSeconds = true };
    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule, TimeZoneInfo timeZone)
    {
        Expression = expression;
        _schedule = schedule;
        TimeZone = timeZone;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The zone the fields are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Parses the expression; a <see cref="FormatException"/> says what is wrong.</summary>
    public static CronSchedule Parse(string expression, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw new FormatException($"Schedule '{expression}' has {fields.Length} fields; use 6: second minute hour day month day-of-week.");
        }

        var schedule = CrontabSchedule.TryParse(expression, Options)
            ?? throw new FormatException($"Schedule '{expression}' is not a valid NCRONTAB expression.");
        return new CronSchedule(expression, schedule, timeZone ?? TimeZoneInfo.Utc);
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var candidate = _schedule.GetNextOccurrence(local);
        for (var guard = 0; guard < 1000; guard++)
        {
            // A local time skipped by a daylight-saving jump does not exist: move on to the next occurrence.
            if (!TimeZone.IsInvalidTime(candidate))
            {
                var offset = TimeZone.IsAmbiguousTime(candidate)
                    ? TimeZone.GetAmbiguousTimeOffsets(candidate).Max()
                    : TimeZone.GetUtcOffset(candidate);
                var next = new DateTimeOffset(candidate, offset);
                if (next > instant)
                {
                    return next.ToUniversalTime();
                }
            }

            candidate = _schedule.GetNextOccurrence(candidate);
        }

        throw new InvalidOperationException($"Schedule '{Expression}' has no occurrence after {instant:O}.");
    }

    /// <summary>True when two successive occurrences are ever less than a minute apart (checked over a sample).</summary>
    public bool FiresMoreThanOncePerMinute()
    {
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var previous = NextAfter(at);
        for (var i = 0; i < 10; i++)
        {
            var next = NextAfter(previous);
            if (next - previous < TimeSpan.FromMinutes(1))
            {
                return true;
            }

            previous = next;
        }

        return false;
    }
}
