using System.Globalization;

namespace Nurture.Benchmarks.Harness;

/// <summary>
/// CPU time of this process and of the Azurite serving a connection string, read around a timed part, so a
/// report can say what each request cost in CPU whatever else the machine was doing (Linux only: Azurite's time
/// comes from <c>/proc/&lt;pid&gt;/stat</c>).
/// </summary>
public sealed class CpuMeter
{
    // Linux reports utime and stime in clock ticks; USER_HZ is 100 on every mainstream kernel build.
    private const double TicksPerSecond = 100;

    private readonly int? _azuritePid;

    private CpuMeter(int? azuritePid) => _azuritePid = azuritePid;

    /// <summary>A meter for this process and the Azurite listening on the connection string's queue port, when found.</summary>
    public static CpuMeter For(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return new CpuMeter(FindAzurite(connectionString));
    }

    /// <summary>A reading now.</summary>
    public CpuReading Read() => new(
        Environment.CpuUsage.TotalTime,
        _azuritePid is { } pid ? ProcessCpu(pid) : null,
        GC.GetTotalAllocatedBytes(precise: false));

    private static TimeSpan? ProcessCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static int? FindAzurite(string connectionString)
    {
        var port = QueuePort(connectionString);
        if (port is null || !Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var args = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (args.Any(a => a.Contains("azurite", StringComparison.OrdinalIgnoreCase)) && args.Contains(port))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended or is not ours to read is not Azurite.
            }
        }

        return null;
    }

    private static string? QueuePort(string connectionString)
    {
        foreach (var part in connectionString.Split(';'))
        {
            if (part.StartsWith("QueueEndpoint=", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(part["QueueEndpoint=".Length..], UriKind.Absolute, out var uri))
            {
                return uri.Port.ToString(CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
