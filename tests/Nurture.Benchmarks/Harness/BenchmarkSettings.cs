namespace Nurture.Benchmarks.Harness;

/// <summary>
/// Settings of the current benchmark run that every suite may read. Suites share one entry-point shape
/// (<c>RunAsync(connectionString, ct)</c>), so the run's scale travels here rather than as a parameter.
/// </summary>
public static class BenchmarkSettings
{
    /// <summary>True for a smoke run (<c>--quick</c>): suites use small counts and one round; figures are indicative only.</summary>
    public static bool Quick { get; private set; }

    /// <summary>Set once by the program before any suite runs.</summary>
    internal static void Configure(bool quick) => Quick = quick;
}
