namespace Nurture.Benchmarks.Journeys;

/// <summary>How much work the journeys suite does.</summary>
/// <param name="Instances">Instances of the three-step journey started before the host runs.</param>
/// <param name="RawOperations">Operations in the raw storage mix the ceiling is measured with.</param>
/// <param name="Waves">Bursts of delayed instances for the wake-up lateness, one after the other.</param>
/// <param name="InstancesPerWave">Instances started together in each burst.</param>
public sealed record JourneyPlan(int Instances, int RawOperations, int Waves, int InstancesPerWave)
{
    /// <summary>The full run: 10,000 concurrent instances, 8 bursts of 12 timers (96 lateness samples).</summary>
    public static JourneyPlan Full { get; } = new(10_000, 6_000, 8, 12);

    /// <summary>The smoke run for <c>--quick</c> and the harness tests.</summary>
    public static JourneyPlan Quick { get; } = new(300, 600, 4, 4);
}
