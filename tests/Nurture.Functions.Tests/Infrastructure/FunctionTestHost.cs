using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Hosting;
using Nurture.LocalHost;
using Nurture.LocalHost.Hosting;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>
/// The Nurture app on the local host, in process: the compiled functions, their functions.metadata and host.json,
/// Kestrel on a free loopback port, queue listeners with fast polling, and a Durable task hub of the test's own, on
/// Azurite unless a test passes other storage.
/// </summary>
public sealed class FunctionTestHost : IAsyncDisposable
{
    /// <summary>The master key every test host accepts.</summary>
    public const string MasterKey = "test-master-key";

    /// <summary>The host-wide function key every test host accepts.</summary>
    public const string FunctionKey = "test-function-key";

    private readonly LocalFunctionHostApp _app;
    private bool _stopped;

    private FunctionTestHost(LocalFunctionHostApp app)
    {
        _app = app;
        BaseAddress = app.BaseAddress;
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the host listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the app; <paramref name="configure"/> may replace its services (a channel, a contact source).</summary>
    /// <param name="configure">Replaces services.</param>
    /// <param name="settings">Settings over the test defaults.</param>
    /// <param name="storage">Storage other than the shared Azurite.</param>
    /// <param name="args">Command-line arguments (<c>--environment Development</c>).</param>
    public static async Task<FunctionTestHost> StartAsync(
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        TestStorageAccounts? storage = null,
        string[]? args = null)
    {
        var assembly = typeof(NurtureServiceCollectionExtensions).Assembly;
        var folder = Path.GetDirectoryName(assembly.Location)!;
        var app = new LocalAppDescription(
            assembly,
            Path.Combine(folder, "functions.metadata"),
            Path.Combine(folder, "host.json"),
            (services, configuration) => services.AddNurture(configuration))
        {
            // No local.settings.json of a developer's: the settings are the test's.
            LocalSettingsPath = Path.Combine(folder, "no-local-settings.json"),
        };
        var builder = LocalFunctionHost.CreateBuilder(args ?? [], app);
        const string Host = "AzureFunctionsJobHost:extensions:";
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = StorageTestEnvironment.ConnectionString,
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["Host:ShutdownTimeout"] = "00:00:30",
            ["FunctionKeys:MasterKey"] = MasterKey,
            ["FunctionKeys:Default"] = FunctionKey,
            ["Ingestion:SuppressionSalt"] = "functions-tests-suppression-salt",
            [Host + "queues:maxPollingInterval"] = "00:00:00.200",
            [Host + "queues:visibilityTimeout"] = "00:00:00",
            [Host + "queues:batchSize"] = "16",
            [Host + "queues:newBatchThreshold"] = "8",
            [Host + "queues:maxDequeueCount"] = "5",
            [Host + "durableTask:hubName"] = "T" + Guid.NewGuid().ToString("N")[..12],
            ["Durable:PartitionCount"] = "2",
            ["Journeys:FirstSendRetry"] = "00:00:01",
            ["Journeys:LongestSendRetry"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders()
            .AddProvider(new TestLogSink())
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("DurableTask", LogLevel.Warning)
            .AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        if (storage is not null)
        {
            builder.Services.AddSingleton<IStorageAccounts>(storage);
            builder.Services.AddSingleton<IStorageConnections>(storage);
        }

        configure?.Invoke(builder.Services);
        var built = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await built.StartAsync(timeout.Token).ConfigureAwait(false);
        return new FunctionTestHost(built);
    }

    /// <summary>Stops the host gracefully: listeners stop fetching and in-flight work finishes.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Client.Dispose();
        _app.Dispose();
    }
}
