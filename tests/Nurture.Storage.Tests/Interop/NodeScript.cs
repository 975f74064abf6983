using System.Diagnostics;

namespace Nurture.Storage.Tests.Interop;

/// <summary>Runs a Node script from the repository (whose node_modules hold the official SDKs) and returns its output.</summary>
public static class NodeScript
{
    /// <summary>The repository root: the nearest folder up from the test binaries that has package.json and node_modules.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && Directory.Exists(Path.Combine(dir.FullName, "node_modules")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No repository root with node_modules found above the test binaries; run 'npm ci' at the root.");
    }

    /// <summary>Runs <c>node script args</c> with <paramref name="stdin"/>, failing with its stderr when it exits non-zero.</summary>
    public static async Task<string> RunAsync(string scriptRelativeToRoot, IEnumerable<string> args, string stdin, TimeSpan? timeout = null)
    {
        var root = RepositoryRoot();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(root, scriptRelativeToRoot));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {scriptRelativeToRoot} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
