using System.Diagnostics;
using System.Text;

namespace Nurture.LocalHost.Tests.ChildHost;

/// <summary>A <see cref="ChildHostProgram"/> process: started, waited for until its engine runs, and killed with SIGKILL.</summary>
public sealed class ChildHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ChildHostProcess(Process process) => _process = process;

    /// <summary>The child engine's DTFx worker id.</summary>
    public string WorkerId { get; private set; } = string.Empty;

    /// <summary>Starts the child on the hub and waits until its engine has started.</summary>
    public static async Task<ChildHostProcess> StartAsync(string hubName, string connectionString, string markerDirectory, TimeSpan readyWithin)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(typeof(ChildHostProgram).Assembly.Location);
        info.ArgumentList.Add(ChildHostProgram.Switch);
        info.Environment[ChildHostProgram.HubVariable] = hubName;
        info.Environment[ChildHostProgram.ConnectionVariable] = connectionString;
        info.Environment[ChildHostProgram.MarkerVariable] = markerDirectory;
        info.Environment[Infrastructure.DurableTestHost.SlotDirectoryVariable] = Infrastructure.DurableTestHost.SlotDirectory;
        var child = new ChildHostProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the child host."));
        child._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._errors)
                {
                    child._errors.AppendLine(e.Data);
                }
            }
        };
        child._process.BeginErrorReadLine();
        using var ready = new CancellationTokenSource(readyWithin);
        try
        {
            while (await child._process.StandardOutput.ReadLineAsync(ready.Token) is { } line)
            {
                if (line.StartsWith(ChildHostProgram.ReadyPrefix, StringComparison.Ordinal))
                {
                    child.WorkerId = line[ChildHostProgram.ReadyPrefix.Length..];
                    return child;
                }
            }
        }
        catch (OperationCanceledException) when (ready.IsCancellationRequested)
        {
            child.Dispose();
            throw new TimeoutException($"The child host did not start within {readyWithin.TotalSeconds} s: {child.Errors}");
        }

        child.Dispose();
        throw new InvalidOperationException($"The child host exited before its engine started: {child.Errors}");
    }

    /// <summary>What the child wrote to standard error.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>SIGKILL: no graceful stop, no lease release, messages left invisible.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
