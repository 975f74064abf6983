using Nurture.Benchmarks.Harness;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>What the processing measurement found.</summary>
/// <param name="EventsPerSecond">Events processed per second, from a (second, warm) host's start until it has processed every delivery.</param>
/// <param name="RequestsPerEvent">Storage requests the host made per event.</param>
/// <param name="RawOpsPerSecond">Raw table point operations per second at the listener's parallelism.</param>
/// <param name="Startup">How long the host took to start (inside the timed part).</param>
/// <param name="Cost">CPU and allocations per event.</param>
/// <param name="RawCost">CPU and allocations per raw point operation.</param>
internal sealed record ProcessingMeasurement(double EventsPerSecond, double RequestsPerEvent, double RawOpsPerSecond, TimeSpan Startup, CpuCost Cost, CpuCost RawCost)
{
    /// <summary>The host's storage requests per event, by kind (start-up requests included), for the diagnostics line.</summary>
    public IReadOnlyDictionary<StorageRequestKind, double> RequestsPerEventByKind { get; init; } = new Dictionary<StorageRequestKind, double>();
}
