using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Metrics;

/// <summary>
/// The reporters' work (<see cref="MetricsWork"/>: day partitions into facts, every contact scored, the lifecycle,
/// retention and campaign reports) against reading the same rows from the same storage with the SDK and nothing
/// else, partition by partition, in the same run. Target: the work takes at most 1.3× the plain read.
/// </summary>
public static class MetricsBenchmark
{
    /// <summary>The report group.</summary>
    public const string Group = "metrics";

    /// <summary>The work may take at most this many times the plain read.</summary>
    public const double TargetFactor = 1.3;

    /// <summary>Runs the full plan (or the quick one under <c>--quick</c>), reporting progress on stderr.</summary>
    public static Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, CancellationToken ct) =>
        RunAsync(connectionString, BenchmarkSettings.Quick ? MetricsPlan.Quick : MetricsPlan.Full, Console.Error, ct);

    /// <summary>Seeds <paramref name="plan"/>'s shop on fresh tables, measures both sides and deletes the tables.</summary>
    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, MetricsPlan plan, TextWriter progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var tables = PrefixedStorage.Create(connectionString, PrefixedStorage.NewPrefix()).Tables;
        var events = new EventStore(tables);
        await events.InitializeAsync(ct).ConfigureAwait(false);
        try
        {
            var seeding = Stopwatch.StartNew();
            var shop = await MetricsShop.SeedAsync(events, plan, ct).ConfigureAwait(false);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Group}: seeded {plan.Events:N0} events of {plan.Contacts:N0} contacts in {seeding.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);

            var today = DateOnly.FromDateTime(shop.AsOf.UtcDateTime);
            var days = Enumerable.Range(0, plan.Days + 2).Select(d => today.AddDays(d - plan.Days - 1)).ToList();
            var daily = tables.GetTableClient(EventStore.DailyTableName);
            var partitions = await PartitionsAsync(daily, ct).ConfigureAwait(false);

            var (work, read, compute) = (0d, 0d, 0d);
            MetricsWork.Result? result = null;
            for (var round = 0; round < plan.Rounds; round++)
            {
                // Alternate who goes first so a burst on the machine hits both sides alike.
                for (var side = 0; side < 2; side++)
                {
                    var clock = Stopwatch.StartNew();
                    if ((round + side) % 2 == 0)
                    {
                        result = await MetricsWork.RunAsync(events, shop, days, ct).ConfigureAwait(false);
                        work += clock.Elapsed.TotalSeconds;
                        compute += result.ComputeSeconds;
                        Check(result.Rows, plan.Events, "the reporters' work");
                    }
                    else
                    {
                        var rows = await ReadAsync(daily, partitions, ct).ConfigureAwait(false);
                        read += clock.Elapsed.TotalSeconds;
                        Check(rows, plan.Events, "the plain read");
                    }
                }
            }

            var (perWork, perRead, perCompute) = (work / plan.Rounds, read / plan.Rounds, compute / plan.Rounds);
            var name = string.Create(CultureInfo.InvariantCulture, $"scoring + retention + campaign reports, {plan.Contacts:N0} contacts, {plan.Events:N0} events");
            var rowsOut = new List<BenchmarkRow>
            {
                new(Group, name, "s", perWork, "SDK read of the same rows", perRead, HigherIsBetter: false, string.Create(CultureInfo.InvariantCulture, $"time <= {TargetFactor}x the read (ratio >= {1 / TargetFactor:F2})"), perWork <= TargetFactor * perRead),
                new(Group, "of which computing after the read", "s", perCompute, "SDK read of the same rows", perRead, HigherIsBetter: false, BenchmarkRow.NoTarget, true),
            };
            await progress.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{Group}: work {perWork:F2} s (computing {perCompute:F2} s), plain read {perRead:F2} s: {perWork / perRead:F2}x the read, target <= {TargetFactor}x; {result!.Contacts} contacts, {result.Orders} orders, {result.Sent} sent, reports {result.ReportBytes:N0} chars")).ConfigureAwait(false);
            return rowsOut;
        }
        finally
        {
            await tables.GetTableClient(EventStore.DailyTableName).DeleteAsync(CancellationToken.None).ConfigureAwait(false);
            await tables.GetTableClient(EventStore.TimelineTableName).DeleteAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<List<string>> PartitionsAsync(TableClient daily, CancellationToken ct)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in daily.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            keys.Add(row.PartitionKey);
        }

        return [.. keys];
    }

    private static async Task<int> ReadAsync(TableClient daily, IReadOnlyList<string> partitions, CancellationToken ct)
    {
        var rows = 0;
        foreach (var partition in partitions)
        {
            await foreach (var _ in daily.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct).ConfigureAwait(false))
            {
                rows++;
            }
        }

        return rows;
    }

    private static void Check(int rows, int expected, string side)
    {
        if (rows != expected)
        {
            throw new InvalidOperationException($"{side} read {rows} rows; the shop has {expected}.");
        }
    }
}
