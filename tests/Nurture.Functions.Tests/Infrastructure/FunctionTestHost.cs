using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>
/// The real host (Kestrel on a free loopback port, the runtime's hosted services) with test functions added
/// through the public registration API, against Azurite unless a test passes other storage.
/// </summary>
public sealed class FunctionTestHost : IAsyncDisposable
{
    /// <summary>The master key every test host accepts.</summary>
    public const string MasterKey = "test-master-key";

    /// <summary>The host-wide function key every test host accepts.</summary>
    public const string FunctionKey = "test-function-key";

    private readonly WebApplication _app;
    private bool _stopped;

    private FunctionTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where the host listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts a host with the functions (and settings) the test adds.</summary>
    public static async Task<FunctionTestHost> StartAsync(
        Action<IServiceCollection> addFunctions,
        IDictionary<string, string?>? settings = null,
        IStorageAccounts? storage = null)
    {
        ArgumentNullException.ThrowIfNull(addFunctions);
        var builder = NurtureHost.CreateBuilder([]);
        var values = new Dictionary<string, string?>
        {
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["Host:ShutdownTimeout"] = "00:00:30",
            ["FunctionKeys:MasterKey"] = MasterKey,
            ["FunctionKeys:Default"] = FunctionKey,
            [QueueListenerOptions.Section + ":maxPollingInterval"] = "00:00:00.200",
            [QueueListenerOptions.Section + ":visibilityTimeout"] = "00:00:00",
            [QueueListenerOptions.Section + ":batchSize"] = "16",
            [QueueListenerOptions.Section + ":newBatchThreshold"] = "8",
            [QueueListenerOptions.Section + ":maxDequeueCount"] = "5",
            [FunctionTimeoutOptions.Section + ":functionTimeout"] = "00:01:00",
        };
        if (storage is null)
        {
            values["AzureWebJobsStorage"] = StorageTestEnvironment.ConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestLogSink());
        if (storage is not null)
        {
            builder.Services.AddSingleton(storage);
        }

        addFunctions(builder.Services);
        var app = NurtureHost.Build(builder);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        return new FunctionTestHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
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
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
