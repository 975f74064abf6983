using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Metadata;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Support;

/// <summary>
/// A local host running test function classes of this assembly, built through the public API the lead's Program
/// uses (<see cref="LocalFunctionHost.CreateBuilder"/>): functions.metadata and host.json written to a folder of its
/// own, storage on the tests' Azurite, Kestrel on a free loopback port, logs to the test output and a collector.
/// </summary>
public sealed class LocalTestHost : IAsyncDisposable
{
    /// <summary>A host.json with fast queue polling and immediate retries, as tests want.</summary>
    public const string DefaultHostJson = """
        {
          "version": "2.0",
          "extensions": {
            "queues": { "maxPollingInterval": "00:00:00.500", "visibilityTimeout": "00:00:00" }
          }
        }
        """;

    private readonly DirectoryInfo _folder;
    private bool _started;
    private bool _stopped;

    private LocalTestHost(LocalFunctionHostApp app, DirectoryInfo folder, LogCollector logs)
    {
        App = app;
        _folder = folder;
        Logs = logs;
    }

    public LocalFunctionHostApp App { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => App.Services;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Settings every test host gets unless the test overrides them.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["AzureWebJobsStorage"] = DurableTestStorage.ConnectionString,
        ["Host:Urls"] = "http://127.0.0.1:0",
        ["Host:ShutdownTimeout"] = "00:00:30",
        ["Durable:WorkerSlotDirectory"] = DurableTestHost.SlotDirectory,
        ["Durable:PartitionCount"] = "2",
    };

    /// <summary>A builder for the app the metadata describes, with the default settings overlaid by <paramref name="settings"/>.</summary>
    public static (LocalFunctionHostBuilder Builder, DirectoryInfo Folder) CreateBuilder(
        ITestOutputHelper output, string metadataJson, IDictionary<string, string?>? settings = null, string? hostJson = null, string[]? args = null, LogCollector? logs = null)
    {
        var folder = Directory.CreateTempSubdirectory("nurture-localhost-test-");
        File.WriteAllText(Path.Combine(folder.FullName, FunctionMetadataReader.FileName), metadataJson);
        File.WriteAllText(Path.Combine(folder.FullName, "host.json"), hostJson ?? DefaultHostJson);
        var app = new LocalAppDescription(
            typeof(LocalTestHost).Assembly,
            Path.Combine(folder.FullName, FunctionMetadataReader.FileName),
            Path.Combine(folder.FullName, "host.json"),
            (services, _) => AddTestAppServices(services))
        {
            // No stray local.settings.json from the test's folder.
            LocalSettingsPath = Path.Combine(folder.FullName, "local.settings.json"),
        };
        var builder = LocalFunctionHost.CreateBuilder(args ?? [], app);
        var merged = DefaultSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(merged);
        builder.Logging.ClearProviders()
            .AddProvider(new TestOutputLoggerProvider(output))
            .AddProvider(logs ?? new LogCollector())
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("DurableTask", LogLevel.Warning)
            .AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        return (builder, folder);
    }

    /// <summary>Builds and starts a host; <paramref name="configure"/> may add settings or services first.</summary>
    public static async Task<LocalTestHost> StartAsync(
        ITestOutputHelper output,
        string metadataJson,
        IDictionary<string, string?>? settings = null,
        string? hostJson = null,
        Action<LocalFunctionHostBuilder>? configure = null,
        string[]? args = null)
    {
        var logs = new LogCollector();
        var (builder, folder) = CreateBuilder(output, metadataJson, settings, hostJson, args, logs);
        configure?.Invoke(builder);
        var host = new LocalTestHost(builder.Build(), folder, logs);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await App.StartAsync(timeout.Token);
        _started = true;
        Client = new HttpClient { BaseAddress = App.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Stops gracefully (the host's shutdown timeout applies).</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await App.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_started && !_stopped)
        {
            await StopAsync();
        }

        Client?.Dispose();
        await App.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AddTestAppServices(IServiceCollection services)
    {
        // What the test app's "Program" registers: the probes its functions report to, and the Durable samples' services.
        services.AddSingleton<Apps.Probe>();
        SampleFunctions.AddServices(services);
    }
}
