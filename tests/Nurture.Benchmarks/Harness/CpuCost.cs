using System.Globalization;

namespace Nurture.Benchmarks.Harness;

/// <summary>CPU and allocation per unit of work over a timed part, and how busy each process was.</summary>
/// <param name="SelfMicroseconds">This process's CPU time per unit.</param>
/// <param name="AzuriteMicroseconds">Azurite's CPU time per unit, when read.</param>
/// <param name="AllocatedBytes">Managed bytes this process allocated per unit.</param>
/// <param name="SelfCores">This process's CPU time over the wall time (1.0 = one core busy).</param>
/// <param name="AzuriteCores">Azurite's CPU time over the wall time, when read.</param>
public sealed record CpuCost(double SelfMicroseconds, double? AzuriteMicroseconds, double AllocatedBytes, double SelfCores, double? AzuriteCores)
{
    /// <summary>"bench process 412 µs (1.31 cores), Azurite 530 µs (0.71 cores)".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"bench process {SelfMicroseconds:F0} µs ({SelfCores:F2} cores), Azurite {(AzuriteMicroseconds is { } a ? a.ToString("F0", CultureInfo.InvariantCulture) + " µs" : "unknown")} ({(AzuriteCores is { } c ? c.ToString("F2", CultureInfo.InvariantCulture) : "?")} cores), {AllocatedBytes:F0} B allocated");
}
