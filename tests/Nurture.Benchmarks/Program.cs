using System.Diagnostics;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Ingestion;
using Nurture.Benchmarks.Journeys;
using Nurture.Benchmarks.Reporting;
using Nurture.Benchmarks.Runtime;
using Nurture.Benchmarks.Storage;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks;

/// <summary>
/// Runs the benchmark suites against one storage account (a private Azurite unless
/// <c>NURTURE_TEST_STORAGE</c> names one), prints one Markdown report and writes it to
/// <c>artifacts/benchmarks.md</c>. Exit code 0 when every suite ran, missed targets included (they are in
/// the report); 1 when a suite failed; 2 for a bad command line.
/// </summary>
public static class Program
{
    /// <summary>Where the report is written, relative to the repository root.</summary>
    public const string ReportPath = "artifacts/benchmarks.md";

    /// <summary>
    /// Every suite, in the order <c>--suite all</c> runs them. Each is a static
    /// <c>Task&lt;IReadOnlyList&lt;BenchmarkRow&gt;&gt; RunAsync(string connectionString, CancellationToken ct)</c>
    /// that may read <see cref="BenchmarkSettings.Quick"/> to scale itself down for <c>--quick</c>.
    /// </summary>
    private static readonly BenchmarkSuite[] Suites =
    [
        new("storage", StorageBenchmark.RunAsync),
        new("runtime", RuntimeBenchmark.RunAsync),
        new("ingestion", IngestionBenchmark.RunAsync),
        new("journeys", JourneyBenchmark.RunAsync),
        new("sendtime", Nurture.Benchmarks.SendTime.SendTimeBenchmark.RunAsync),
        new("metrics", Nurture.Benchmarks.Metrics.MetricsBenchmark.RunAsync),

        // Register further suites here, one line each.
    ];

    /// <summary>The entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        BenchmarkArguments arguments;
        try
        {
            arguments = BenchmarkArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + "\n" + BenchmarkArguments.Usage);
            return 2;
        }

        if (arguments.Help)
        {
            Console.WriteLine(BenchmarkArguments.Usage);
            return 0;
        }

        var selected = arguments.Suite == BenchmarkArguments.AllSuites
            ? Suites
            : Suites.Where(s => s.Name == arguments.Suite).ToArray();
        if (selected.Length == 0)
        {
            await Console.Error.WriteLineAsync(
                $"No suite named '{arguments.Suite}' is registered; registered: {string.Join(", ", Suites.Select(s => s.Name))}.\n{BenchmarkArguments.Usage}");
            return 2;
        }

        BenchmarkSettings.Configure(arguments.Quick);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await RunAsync(selected, arguments.Quick, cancellation.Token);
    }

    private static async Task<int> RunAsync(IReadOnlyList<BenchmarkSuite> suites, bool quick, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineLoad.OneMinute();
        var stopwatch = Stopwatch.StartNew();
        var rows = new List<BenchmarkRow>();
        var failures = new List<string>();
        var configured = Environment.GetEnvironmentVariable(StorageTestEnvironment.ConnectionVariable);
        AzuriteProcess? azurite = null;
        try
        {
            string connectionString;
            if (string.IsNullOrWhiteSpace(configured))
            {
                await Console.Error.WriteLineAsync("Starting Azurite...");
                azurite = AzuriteProcess.Start();
                connectionString = azurite.ConnectionString;
            }
            else
            {
                connectionString = configured;
            }

            foreach (var suite in suites)
            {
                await Console.Error.WriteLineAsync($"Running the {suite.Name} suite{(quick ? " (quick)" : string.Empty)}...");
                try
                {
                    rows.AddRange(await suite.RunAsync(connectionString, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failures.Add($"{suite.Name}: {e.GetType().Name}: {e.Message}");
                    await Console.Error.WriteLineAsync($"The {suite.Name} suite failed: {e}");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            failures.Add("cancelled");
        }
        catch (InvalidOperationException e)
        {
            // Azurite could not start: nothing was measured.
            failures.Add(e.Message);
        }
        finally
        {
            azurite?.Dispose();
        }

        var report = MarkdownReport.Render(rows, startedAt, stopwatch.Elapsed, quick, failures, MachineLoad.Describe(loadAtStart, MachineLoad.OneMinute()));
        Console.WriteLine(report);
        var path = Path.Combine(RepositoryRoot.Find(), ReportPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report, CancellationToken.None);
        await Console.Error.WriteLineAsync($"Report written to {ReportPath}.");
        return failures.Count == 0 ? 0 : 1;
    }
}
