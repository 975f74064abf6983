using System.Diagnostics;

namespace Nurture.Benchmarks.Harness;

/// <summary>Runs a Node script from the repository with input on stdin and returns what it printed.</summary>
public static class NodeProcess
{
    /// <summary>
    /// Runs <c>node script</c> from the repository root (so the root's <c>node_modules</c> resolve), writes
    /// <paramref name="stdin"/>, and returns stdout. Fails with the script's stderr when it exits non-zero;
    /// kills it when <paramref name="ct"/> is cancelled or <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<string> RunAsync(string scriptRelativeToRoot, string stdin, TimeSpan timeout, CancellationToken ct)
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, scriptRelativeToRoot);
        if (!Directory.Exists(Path.Combine(root, "node_modules")))
        {
            throw new InvalidOperationException("node_modules is missing at the repository root: run 'npm ci' (make bench does).");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.StandardInput.WriteAsync(stdin.AsMemory(), deadline.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {scriptRelativeToRoot} exited with {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
            }

            return await stdout.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"node {scriptRelativeToRoot} did not finish within {timeout.TotalSeconds:F0} s.");
        }
    }
}
