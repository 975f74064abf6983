namespace Nurture.Benchmarks.Harness;

/// <summary>One reading of a <see cref="CpuMeter"/>.</summary>
/// <param name="Self">This process's CPU time so far (load generator and, when in process, the host).</param>
/// <param name="Azurite">Azurite's CPU time so far, when it could be read.</param>
/// <param name="AllocatedBytes">Managed bytes this process has allocated so far.</param>
public sealed record CpuReading(TimeSpan Self, TimeSpan? Azurite, long AllocatedBytes)
{
    /// <summary>What was spent from <paramref name="start"/> to this reading, per unit of work.</summary>
    public CpuCost Since(CpuReading start, long units, double seconds)
    {
        ArgumentNullException.ThrowIfNull(start);
        var perUnit = Math.Max(units, 1);
        return new CpuCost(
            (Self - start.Self).TotalMicroseconds / perUnit,
            Azurite is { } a && start.Azurite is { } b ? (a - b).TotalMicroseconds / perUnit : null,
            (double)(AllocatedBytes - start.AllocatedBytes) / perUnit,
            seconds > 0 ? (Self - start.Self).TotalSeconds / seconds : 0,
            Azurite is { } c && start.Azurite is { } d && seconds > 0 ? (c - d).TotalSeconds / seconds : null);
    }
}
