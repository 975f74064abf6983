namespace Nurture.Infra.Tests.Infrastructure;

/// <summary>What one run of the Bicep compiler printed and how it exited.</summary>
/// <param name="Arguments">The command line, for failure messages.</param>
/// <param name="ExitCode">The process exit code (non-zero when an error was reported).</param>
/// <param name="StandardOutput">What the compiler wrote to stdout (a template with <c>--stdout</c>).</param>
/// <param name="StandardError">What the compiler wrote to stderr: its diagnostics, one per line.</param>
public sealed record BicepRun(string Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// True when the run succeeded without a single diagnostic. Bicep exits 0 on warnings and only prints
    /// them, so a clean run also needs an empty stderr: any warning counts as a failure.
    /// </summary>
    public bool IsClean => ExitCode == 0 && string.IsNullOrWhiteSpace(StandardError);

    /// <summary>The run as a readable block for an assertion message.</summary>
    public string Describe() =>
        $"bicep {Arguments}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}" +
        $"--- stderr ---{Environment.NewLine}{StandardError.TrimEnd()}{Environment.NewLine}" +
        $"--- stdout ---{Environment.NewLine}{Truncate(StandardOutput)}";

    private static string Truncate(string text) => text.Length <= 4000 ? text.TrimEnd() : $"{text[..4000]}...";
}
