using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions;
using Nurture.Functions.Hosting;
using Nurture.LocalHost;
using Nurture.LocalHost.Hosting;

namespace Nurture.Benchmarks.Harness;

/// <summary>
/// The compiled Nurture app (its functions.metadata and host.json) on the local host, in process: Kestrel on a free
/// loopback port, the queue listeners with host.json's batch settings, and a Durable task hub of the run's own.
/// </summary>
internal static class NurtureAppHost
{
    /// <summary>host.json <c>extensions.queues.batchSize</c>: what a deployment runs with.</summary>
    public const int BatchSize = 16;

    /// <summary>host.json <c>extensions.queues.newBatchThreshold</c>.</summary>
    public const int NewBatchThreshold = 8;

    /// <summary>Most handlers a listener runs at once: a batch fetched while <see cref="NewBatchThreshold"/> are still running.</summary>
    public const int ListenerParallelism = BatchSize + NewBatchThreshold;

    private const string Extensions = "AzureFunctionsJobHost:extensions:";

    /// <summary>Builds and starts the app.</summary>
    /// <param name="connectionString">The account for settings the app and Durable read (<c>AzureWebJobsStorage</c>).</param>
    /// <param name="storage">The app's storage clients (<see cref="IStorageAccounts"/>); null for the app's own.</param>
    /// <param name="triggers">The clients the queue listeners poll with; null for the host's own.</param>
    /// <param name="maxPollingInterval">host.json <c>extensions.queues.maxPollingInterval</c>.</param>
    /// <param name="settings">Further settings (secrets the functions check).</param>
    /// <param name="log">A log sink for warnings and above; none by default.</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<LocalFunctionHostApp> StartAsync(
        string connectionString,
        IStorageAccounts? storage,
        IStorageConnections? triggers,
        TimeSpan maxPollingInterval,
        IReadOnlyDictionary<string, string?>? settings,
        ILoggerProvider? log,
        CancellationToken ct)
    {
        var assembly = typeof(NurtureServiceCollectionExtensions).Assembly;
        var folder = Path.GetDirectoryName(assembly.Location)!;
        var app = new LocalAppDescription(
            assembly,
            Path.Combine(folder, "functions.metadata"),
            Path.Combine(folder, "host.json"),
            (services, configuration) => services.AddNurture(configuration))
        {
            // No developer's local.settings.json: the settings are the benchmark's.
            LocalSettingsPath = Path.Combine(folder, "no-local-settings.json"),
        };
        var builder = LocalFunctionHost.CreateBuilder([], app);
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["Ingestion:SuppressionSalt"] = "benchmark-suppression-salt",
            [Extensions + "queues:batchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            [Extensions + "queues:newBatchThreshold"] = NewBatchThreshold.ToString(CultureInfo.InvariantCulture),
            [Extensions + "queues:maxPollingInterval"] = maxPollingInterval.ToString("c", CultureInfo.InvariantCulture),
            [Extensions + "durableTask:hubName"] = "B" + Guid.NewGuid().ToString("N")[..12],
            ["Durable:PartitionCount"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        if (log is not null)
        {
            builder.Logging.AddProvider(log);
        }

        if (storage is not null)
        {
            builder.Services.AddSingleton(storage);
        }

        if (triggers is not null)
        {
            builder.Services.AddSingleton(triggers);
        }
        var built = builder.Build();
        await built.StartAsync(ct).ConfigureAwait(false);
        return built;
    }
}
