namespace Nurture.Benchmarks.Harness;

/// <summary>The parsed command line: which suite to run and whether this is a quick smoke run.</summary>
/// <param name="Suite">A suite name, or <see cref="AllSuites"/>.</param>
/// <param name="Quick">Smaller counts for a smoke run.</param>
/// <param name="Help">The user asked for usage.</param>
public sealed record BenchmarkArguments(string Suite, bool Quick, bool Help)
{
    /// <summary>The suite name that selects every registered suite.</summary>
    public const string AllSuites = "all";

    /// <summary>What the program accepts.</summary>
    public const string Usage =
        "Usage: Nurture.Benchmarks [--suite storage|runtime|ingestion|journeys|sendtime|all] [--quick]\n" +
        "  --suite  which suite to run (default: all registered suites)\n" +
        "  --quick  small counts, one round: a smoke run whose figures are only indicative\n" +
        "Set NURTURE_TEST_STORAGE to a connection string to use a running Azurite instead of starting one.";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message saying what is wrong.</summary>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var suite = AllSuites;
        var quick = false;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--suite":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException("--suite needs a name: storage, runtime, ingestion, journeys, sendtime or all.");
                    }

                    suite = args[++i].ToLowerInvariant();
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new BenchmarkArguments(suite, quick, help);
    }
}
