using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Durable.Client;
using Nurture.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Infrastructure;

/// <summary>
/// One local Durable engine on Azurite, wired the way the local host wires it (<see cref="DurableEngineServiceCollectionExtensions.AddLocalDurableEngine"/>),
/// running the sample functions, logging to the test output.
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    /// <summary>Environment variable that hands the test process's slot folder to the kill test's child process.</summary>
    public const string SlotDirectoryVariable = "NURTURE_DURABLE_TEST_SLOTS";

    /// <summary>Where the worker slot locks of this test run live: one folder per test process, removed when it exits.</summary>
    public static readonly string SlotDirectory = Environment.GetEnvironmentVariable(SlotDirectoryVariable) is { Length: > 0 } inherited
        ? inherited
        : CreateSlotDirectory();

    /// <summary>DTFx and shim log level in test output: Warning, or what NURTURE_TEST_DURABLE_LOG_LEVEL says (e.g. Debug).</summary>
    private static readonly LogLevel EngineLogLevel =
        Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("NURTURE_TEST_DURABLE_LOG_LEVEL"), out var level) ? level : LogLevel.Warning;

    private readonly ServiceProvider _services;
    private bool _started;

    private DurableTestHost(ServiceProvider services, TestOutputLoggerProvider logs)
    {
        _services = services;
        Logs = logs;
        Engine = services.GetRequiredService<DurableEngine>();
    }

    /// <summary>What the engine and the functions logged.</summary>
    public TestOutputLoggerProvider Logs { get; }

    public DurableEngine Engine { get; }

    public LocalDurableTaskClient Client => Engine.Client;

    public ActivityLedger Ledger => _services.GetRequiredService<ActivityLedger>();

    public StepGate Gate => _services.GetRequiredService<StepGate>();

    /// <summary>Options for a test hub: the engine's defaults with two partitions, slots in the tests' folder.</summary>
    public static void ConfigureForTests(DurableEngineOptions options, string hubName)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.HubName = hubName;
        options.PartitionCount = 2;
        options.WorkerSlotDirectory = SlotDirectory;
    }

    /// <summary>Builds and (unless told not to) starts an engine on the hub.</summary>
    public static async Task<DurableTestHost> StartAsync(
        ITestOutputHelper output,
        string hubName,
        Action<DurableEngineOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        bool start = true)
    {
        var logs = new TestOutputLoggerProvider(output);
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging
            .AddProvider(logs)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("DurableTask", EngineLogLevel)
            .AddFilter("Microsoft.DurableTask", EngineLogLevel));
        services?.Invoke(collection);
        SampleFunctions.AddServices(collection);
        collection.AddLocalDurableEngine(_ => DurableStorageAccount.FromConnectionString(DurableTestStorage.ConnectionString), SampleFunctions.Register)
            .Configure(options =>
            {
                ConfigureForTests(options, hubName);
                configure?.Invoke(options);
            });
        var host = new DurableTestHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), logs);
        if (start)
        {
            await host.StartAsync();
        }

        return host;
    }

    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Engine.StartAsync(timeout.Token);
        _started = true;
    }

    /// <summary>Stops gracefully (30 s at most), then disposes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Engine.StopAsync(timeout.Token);
        }

        await _services.DisposeAsync();
    }

    /// <summary>Disposes without a graceful stop: the engine stops without waiting for in-flight work.</summary>
    public ValueTask AbandonAsync() => _services.DisposeAsync();

    private static string CreateSlotDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("nurture-durable-slots-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder of empty lock files.
            }
        };
        return directory;
    }
}
