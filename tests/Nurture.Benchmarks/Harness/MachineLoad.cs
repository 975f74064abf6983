using System.Globalization;

namespace Nurture.Benchmarks.Harness;

/// <summary>The machine's one-minute load average, where the OS publishes it, so a report shows how busy the machine was.</summary>
public static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    /// <summary>The one-minute load average, or null when it cannot be read (not Linux).</summary>
    public static double? OneMinute()
    {
        try
        {
            var first = File.ReadAllText(LoadAverageFile).Split(' ', 2)[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>"Load average 1.2 at start, 3.4 at end." or null when unknown.</summary>
    public static string? Describe(double? atStart, double? atEnd) =>
        atStart is { } start && atEnd is { } end
            ? string.Create(CultureInfo.InvariantCulture, $"Load average (1 min) {start:F1} at start, {end:F1} at end: other work shared the machine, which is why only same-run ratios mean anything.")
            : null;
}
