namespace Nurture.Benchmarks.Storage;

/// <summary>What one side measured for one row: units done, timed seconds, and (Nurture only) bytes allocated meanwhile.</summary>
/// <param name="Units">Units done in the timed part.</param>
/// <param name="Seconds">Length of the timed part.</param>
/// <param name="AllocatedBytes">Managed bytes the process allocated during the timed part, when measured.</param>
public sealed record StorageMeasurement(long Units, double Seconds, long? AllocatedBytes = null)
{
    /// <summary>Nothing measured yet.</summary>
    public static StorageMeasurement Empty { get; } = new(0, 0, null);

    /// <summary>Units per second.</summary>
    public double PerSecond => Seconds > 0 ? Units / Seconds : 0;

    /// <summary>Allocated bytes per unit, when measured.</summary>
    public double? AllocatedBytesPerUnit => AllocatedBytes is { } bytes && Units > 0 ? (double)bytes / Units : null;

    /// <summary>Two rounds together: units and seconds add up.</summary>
    public StorageMeasurement Plus(StorageMeasurement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        long? allocated = AllocatedBytes is null && other.AllocatedBytes is null ? null : (AllocatedBytes ?? 0) + (other.AllocatedBytes ?? 0);
        return new StorageMeasurement(Units + other.Units, Seconds + other.Seconds, allocated);
    }
}
