using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Nurture.LocalHost.Tests.SampleApp;

/// <summary>The sample app (<c>dotnet Nurture.LocalHost.SampleApp.dll</c>) as its own process, stopped by its own id.</summary>
public sealed class SampleAppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleAppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The sample app's build output (functions.metadata, host.json and the assembly).</summary>
    public static string Folder =>
        typeof(SampleAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleAppFolder").Value!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the app in <paramref name="workingDirectory"/> with only the given environment added.</summary>
    public static SampleAppProcess Start(string workingDirectory, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Path.Combine(Folder, "Nurture.LocalHost.SampleApp.dll"));
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new SampleAppProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the sample app."));
    }

    /// <summary>Sends SIGTERM, as a container runtime does, and waits for the exit.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
