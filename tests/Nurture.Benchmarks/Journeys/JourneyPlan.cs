namespace Nurture.Benchmarks.Journeys;

/// <summary>How much work the journeys suite does.</summary>
/// <param name="Instances">Instances of entry → send_email → exit started at once, for the journey and for the baseline each.</param>
/// <param name="Waves">Bursts of delayed instances for the timer lateness, one after the other.</param>
/// <param name="TimersPerWave">Instances started together in each burst, each with one timer.</param>
public sealed record JourneyPlan(int Instances, int Waves, int TimersPerWave)
{
    /// <summary>The full run: 10,000 concurrent instances, 8 bursts of 12 timers (96 lateness samples).</summary>
    public static JourneyPlan Full { get; } = new(10_000, 8, 12);

    /// <summary>The smoke run for <c>--quick</c>: 500 instances, 4 bursts of 4 timers.</summary>
    public static JourneyPlan Quick { get; } = new(500, 4, 4);

    /// <summary>What the harness tests run: a few instances and one burst of timers, seconds in all.</summary>
    public static JourneyPlan Tiny { get; } = new(20, 1, 4);

    /// <summary>The lateness samples the plan collects.</summary>
    public int Timers => Waves * TimersPerWave;
}
