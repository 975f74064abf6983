using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>
/// Azurite started from the repository's own <c>node_modules</c> on free loopback ports with a temporary
/// data folder, and stopped by its own process id. It is tethered to this process: it exits by itself within a second
/// of this process ending, however it ends (<c>azurite-tethered.mjs</c>).
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;

    private AzuriteProcess(Process process, string dataFolder, int blobPort)
    {
        _process = process;
        _dataFolder = dataFolder;
        BlobPort = blobPort;
    }

    /// <summary>The emulator's well-known account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known, public account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Blob port; the queue port is one more, the table port two more.</summary>
    public int BlobPort { get; }

    /// <summary>The Queue service port.</summary>
    public int QueuePort => BlobPort + 1;

    /// <summary>The Table service port.</summary>
    public int TablePort => BlobPort + 2;

    /// <summary>A connection string for this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>True once the Azurite process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts Azurite and waits (with a deadline) until its ports accept connections. It exits by itself once the process
    /// <paramref name="tetheredTo"/> names (by default this one) has ended.
    /// </summary>
    public static AzuriteProcess Start(TimeSpan? readyTimeout = null, int? tetheredTo = null)
    {
        var script = FindAzuriteScript();
        var tether = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "azurite-tethered.mjs");
        var dataFolder = Directory.CreateTempSubdirectory("nurture-azurite-").FullName;
        var deadline = DateTime.UtcNow + (readyTimeout ?? TimeSpan.FromSeconds(60));
        for (var attempt = 0; ; attempt++)
        {
            var port = FindFreePortTriple();
            var info = new ProcessStartInfo("node")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
            {
                tether, script, (tetheredTo ?? Environment.ProcessId).ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", dataFolder,
                "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", (port + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", (port + 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node for Azurite.");
            var stderr = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var azurite = new AzuriteProcess(process, dataFolder, port);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                if (Accepts(port) && Accepts(port + 1) && Accepts(port + 2))
                {
                    return azurite;
                }

                Thread.Sleep(50);
            }

            var reason = process.HasExited ? $"exited with {process.ExitCode}: {stderr}" : "did not open its ports in time";
            azurite.Stop(deleteData: false);
            if (attempt >= 3 || DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"Azurite ({script}) {reason}");
            }
        }
    }

    /// <summary>Stops the process and removes the data folder.</summary>
    public void Dispose() => Stop(deleteData: true);

    private void Stop(bool deleteData)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        if (deleteData)
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is a temporary folder.
            }
        }
    }

    private static string FindAzuriteScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Azurite is not installed in the repository: run 'npm ci' at the repository root (make test does), " +
            $"or set {StorageTestEnvironment.ConnectionVariable} to an existing storage account.");
    }

    private static int FindFreePortTriple()
    {
        for (var i = 0; i < 50; i++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (port < 65000 && IsFree(port) && IsFree(port + 1) && IsFree(port + 2))
            {
                return port;
            }
        }

        throw new InvalidOperationException("Found no three consecutive free loopback ports for Azurite.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
