using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nurture.Channels.Tests.Infrastructure;

/// <summary>
/// Runs <c>oracles/signatures.cjs</c>, which signs and verifies with the providers' official npm libraries, so
/// the verifiers are checked against what the real senders produce rather than against our own reading.
/// </summary>
internal static class NodeOracle
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static JsonElement Run(JsonObject request)
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "Nurture.Channels.Tests", "oracles", "signatures.cjs");
        Assert.True(Directory.Exists(Path.Combine(root, "node_modules", "twilio")), "The npm oracles are not installed: run 'npm ci' in the repository root.");
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The signature oracle did not finish within " + Deadline);
        }

        Assert.True(process.ExitCode == 0, "The signature oracle failed: " + error.Result);
        return JsonDocument.Parse(output.Result).RootElement.Clone();
    }

    /// <summary>The repository root: the nearest directory above the test binaries holding package.json.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No package.json above " + AppContext.BaseDirectory);
    }
}
