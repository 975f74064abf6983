using System.Globalization;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Storage;

/// <summary>
/// The overhead of Nurture's storage layer: each row's operations through Nurture's checked operations on the SDK
/// clients against the same operations issued straight through the SDK clients, with the same entities, counts and
/// concurrency, on the same storage in the same run, each side on fresh tables and queues. Target: Nurture at least
/// 0.95× the SDK's throughput on every row.
/// </summary>
public static class StorageBenchmark
{
    /// <summary>The report group.</summary>
    public const string Group = "storage";

    /// <summary>The throughput ratio each row should reach.</summary>
    public const double TargetRatio = 0.95;

    /// <summary>Runs the full plan (or the quick one under <c>--quick</c>), reporting progress on stderr.</summary>
    public static Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, CancellationToken ct) =>
        RunAsync(connectionString, BenchmarkSettings.Quick ? StoragePlan.Quick : StoragePlan.Full, Console.Error, ct);

    /// <summary>Runs <paramref name="plan"/> and returns one report row per case.</summary>
    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, StoragePlan plan, TextWriter progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var account = StorageAccount.FromConnectionString(connectionString);
        var nurture = new StorageSide(account.Tables, account.Queues, StorageCalls.Nurture);
        var sdk = new StorageSide(account.Tables, account.Queues, StorageCalls.Sdk);
        var rows = new List<BenchmarkRow>(plan.Cases.Count);
        for (var c = 0; c < plan.Cases.Count; c++)
        {
            var benchmarkCase = plan.Cases[c];
            var ours = StorageMeasurement.Empty;
            var theirs = StorageMeasurement.Empty;
            for (var round = 0; round < plan.Rounds; round++)
            {
                // Alternate who goes first (ABBA within a row, and across rows) so drift and bursts hit both sides alike.
                if ((c + round) % 2 == 0)
                {
                    ours = ours.Plus(await nurture.RunAsync(benchmarkCase, NewName(benchmarkCase), ct).ConfigureAwait(false));
                    theirs = theirs.Plus(await sdk.RunAsync(benchmarkCase, NewName(benchmarkCase), ct).ConfigureAwait(false));
                }
                else
                {
                    theirs = theirs.Plus(await sdk.RunAsync(benchmarkCase, NewName(benchmarkCase), ct).ConfigureAwait(false));
                    ours = ours.Plus(await nurture.RunAsync(benchmarkCase, NewName(benchmarkCase), ct).ConfigureAwait(false));
                }
            }

            var row = ToRow(benchmarkCase, ours, theirs);
            rows.Add(row);
            await progress.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{Group}: {row.Name}: Nurture {row.Value:N0} {row.Unit}, {StorageCalls.Sdk.Name} {row.Baseline:N0} {row.Unit}, ratio {row.Ratio:F2}")).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>The report row for one case from both sides' totals.</summary>
    public static BenchmarkRow ToRow(StorageCase benchmarkCase, StorageMeasurement nurture, StorageMeasurement baseline)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        ArgumentNullException.ThrowIfNull(nurture);
        ArgumentNullException.ThrowIfNull(baseline);
        return new BenchmarkRow(
            Group,
            benchmarkCase.Name,
            benchmarkCase.Unit,
            nurture.PerSecond,
            StorageCalls.Sdk.Name,
            baseline.PerSecond,
            HigherIsBetter: true,
            Target: string.Create(CultureInfo.InvariantCulture, $"ratio >= {TargetRatio:F2}"),
            TargetMet: baseline.PerSecond > 0 && nurture.PerSecond >= TargetRatio * baseline.PerSecond,
            AllocatedBytesPerOp: nurture.AllocatedBytesPerUnit);
    }

    private static string NewName(StorageCase benchmarkCase) =>
        benchmarkCase.Operation == StorageOperation.QueueCycle ? TestNames.Queue("bench") : TestNames.Table("bench");
}
