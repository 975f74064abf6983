using System.Diagnostics;
using System.Text;

namespace Nurture.Benchmarks.Harness;

/// <summary>
/// A long-lived Node process running a script from the repository that answers one JSON line on stdout for
/// each JSON line it reads on stdin. Keeping one process for a whole run lets the benchmark interleave
/// short rounds of both sides without paying Node's start-up each time.
/// </summary>
public sealed class NodeWorker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly string _script;

    private NodeWorker(Process process, string script)
    {
        _process = process;
        _script = script;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// Starts <c>node script</c> in the repository root, so the root's <c>node_modules</c> resolve.
    /// </summary>
    public static NodeWorker Start(string scriptRelativeToRoot)
    {
        var root = RepositoryRoot.Find();
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
        info.ArgumentList.Add(Path.Combine(root, scriptRelativeToRoot));
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        return new NodeWorker(process, scriptRelativeToRoot);
    }

    /// <summary>
    /// Sends one request line and returns the reply line. Throws when the process has exited (with its
    /// stderr) or does not answer within <paramref name="timeout"/>; the worker is unusable afterwards.
    /// </summary>
    public async Task<string> RequestAsync(string line, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(line);
        if (line.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A request must be a single line.", nameof(line));
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), deadline.Token).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(deadline.Token).ConfigureAwait(false);
            var reply = await _process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            return reply ?? throw new InvalidOperationException($"node {_script} exited without answering: {Stderr()}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill();
            throw new TimeoutException($"node {_script} did not answer within {timeout.TotalSeconds:F0} s.");
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"node {_script} is gone: {Stderr()}", e);
        }
    }

    /// <summary>Closes stdin so the script ends by itself, and kills it if it does not within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString().Trim();
        }
    }
}
