using Nurture.Benchmarks.Reporting;

namespace Nurture.Benchmarks.Harness;

/// <summary>One registered benchmark suite: its name on the command line and its entry point.</summary>
/// <param name="Name">The name <c>--suite</c> selects it by (storage, runtime, ingestion, journeys).</param>
/// <param name="RunAsync">Runs the suite against the storage account and returns its report rows.</param>
public sealed record BenchmarkSuite(string Name, Func<string, CancellationToken, Task<IReadOnlyList<BenchmarkRow>>> RunAsync);
