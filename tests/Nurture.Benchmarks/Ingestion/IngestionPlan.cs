namespace Nurture.Benchmarks.Ingestion;

/// <summary>How much work the ingestion suite does.</summary>
/// <param name="Requests">Webhooks posted (and raw puts made) at each client count.</param>
/// <param name="AckDuration">How long the open-loop acknowledgement latency run lasts.</param>
/// <param name="Events">Deliveries the timed processing host processes.</param>
/// <param name="WarmUpEvents">Deliveries a first, untimed host processes.</param>
/// <param name="RawPointOperations">Raw table point operations the processing ceiling is measured with.</param>
/// <param name="OperationsPerKind">Requests of each kind the Azurite cost diagnostics run (a multiple of 16).</param>
public sealed record IngestionPlan(int Requests, TimeSpan AckDuration, int Events, int WarmUpEvents, int RawPointOperations, int OperationsPerKind)
{
    /// <summary>The full run.</summary>
    public static IngestionPlan Full { get; } = new(1200, TimeSpan.FromSeconds(6), 600, 96, 3000, 600);

    /// <summary>The smoke run for <c>--quick</c> and the harness tests.</summary>
    public static IngestionPlan Quick { get; } = new(240, TimeSpan.FromSeconds(2), 120, 24, 600, 96);
}
