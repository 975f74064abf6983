using System.Globalization;

namespace Nurture.LocalHost.Durable;

/// <summary>
/// The worker id this process uses on a task hub: a fixed one from settings, or <c>{machine}-{slot}</c> where the
/// slot is the lowest one no other live process on this machine holds (an exclusive lock on a small file, which the
/// operating system releases when the process dies, even by SIGKILL).
/// </summary>
/// <remarks>
/// DTFx's table partition manager lets a worker renew any partition whose current owner has its id, so a host that
/// restarts with its old id takes its partitions back on its first pass instead of waiting out the lease interval.
/// Two live processes must never share an id: both would read the same control queues. The slot lock prevents that on
/// one machine; across machines the machine name differs.
/// </remarks>
public sealed class WorkerSlot : IDisposable
{
    private readonly FileStream? _lock;

    private WorkerSlot(string workerId, int? slot, FileStream? lockStream)
    {
        WorkerId = workerId;
        Slot = slot;
        _lock = lockStream;
    }

    /// <summary>The worker id to give DTFx.</summary>
    public string WorkerId { get; }

    /// <summary>The machine slot held, or null for a fixed worker id.</summary>
    public int? Slot { get; }

    /// <summary>Takes the fixed worker id, or the lowest free slot for the hub on this machine.</summary>
    public static WorkerSlot Acquire(string hubName, string? fixedWorkerId, string? directory, int maxSlots)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hubName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSlots, 1);
        if (!string.IsNullOrEmpty(fixedWorkerId))
        {
            return new WorkerSlot(fixedWorkerId, slot: null, lockStream: null);
        }

        var folder = string.IsNullOrEmpty(directory) ? Path.GetTempPath() : directory;
        Directory.CreateDirectory(folder);
        for (var slot = 0; slot < maxSlots; slot++)
        {
            var path = Path.Combine(folder, $"nurture-durable-{hubName.ToLowerInvariant()}-{slot.ToString(CultureInfo.InvariantCulture)}.lock");
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new WorkerSlot($"{Environment.MachineName}-{slot.ToString(CultureInfo.InvariantCulture)}", slot, stream);
            }
            catch (IOException)
            {
                // Held by another live process (or engine) on this machine: try the next slot.
            }
        }

        throw new InvalidOperationException(
            $"All {maxSlots} worker slots for task hub '{hubName}' on this machine are held by other processes; " +
            $"stop one, raise {nameof(DurableEngineOptions.MaxWorkerSlots)}, or set {nameof(DurableEngineOptions.WorkerId)}.");
    }

    /// <summary>Releases the slot.</summary>
    public void Dispose() => _lock?.Dispose();
}
