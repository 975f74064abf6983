using System.Reflection;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Policies;
using Nurture.Functions;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys;
using Nurture.LocalHost;
using Nurture.LocalHost.Hosting;
using Nurture.LocalHost.Metadata;
using Nurture.Storage.Journeys;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// The two apps the suite runs on the local host in process, both with the Nurture app's host.json (so the same
/// Durable settings: partitions, concurrency, polling) and a task hub of the run's own: the Nurture app itself, and
/// the baseline's two functions of this assembly described by a <c>functions.metadata</c> written here.
/// </summary>
internal static class JourneyBenchHost
{
    /// <summary>Environment variable naming a log level for the hosts' logs (none by default).</summary>
    public const string LogVariable = "NURTURE_BENCH_LOG";

    private const string HostJson = "AzureFunctionsJobHost:extensions:";

    /// <summary>Caps and quiet hours off, so no send is deferred and every instance finishes in one go.</summary>
    public static SendPolicyOptions Policy { get; } = SendPolicyOptions.Default with
    {
        EmailCap = null,
        SmsCap = null,
        EmailQuietHours = null,
        SmsQuietHours = null,
    };

    /// <summary>A fresh task hub name (letters and digits, starting with a letter).</summary>
    public static string NewHubName() => "JB" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The Nurture app with <paramref name="channel"/> around its outbox (null: the outbox itself).</summary>
    public static LocalFunctionHostApp BuildNurture(string connectionString, string hubName, BenchStorage storage, Func<IMessageChannel, IMessageChannel>? channel)
    {
        var assembly = typeof(NurtureServiceCollectionExtensions).Assembly;
        var folder = Path.GetDirectoryName(assembly.Location)!;
        var app = new LocalAppDescription(
            assembly,
            Path.Combine(folder, FunctionMetadataReader.FileName),
            Path.Combine(folder, "host.json"),
            (services, configuration) => services.AddNurture(configuration))
        {
            LocalSettingsPath = Path.Combine(folder, "no-local-settings.json"),
        };
        var builder = Configure(LocalFunctionHost.CreateBuilder([], app), connectionString, hubName, storage);
        builder.Services.AddSingleton(Policy);

        // The minimal contact table stands in for stored profiles (one point read per contact, as a profile read is).
        builder.Services.AddSingleton<IJourneyContactSource>(sp => sp.GetRequiredService<JourneyStorage>().Contacts);
        if (channel is not null)
        {
            builder.Services.AddSingleton(sp => channel(sp.GetRequiredService<JourneyStorage>().Outbox));
        }

        return builder.Build();
    }

    /// <summary>The baseline app: <see cref="BaselineFunctions"/>, sending through <paramref name="channel"/> around the same outbox.</summary>
    public static LocalFunctionHostApp BuildBaseline(string connectionString, string hubName, BenchStorage storage, Func<IMessageChannel, IMessageChannel> channel, DirectoryInfo folder)
    {
        var appFolder = Path.GetDirectoryName(typeof(NurtureServiceCollectionExtensions).Assembly.Location)!;
        File.Copy(Path.Combine(appFolder, "host.json"), Path.Combine(folder.FullName, "host.json"), overwrite: true);
        var metadata = new JsonArray(
            Function(nameof(BaselineFunctions.BaselineOrchestration), "orchestrationTrigger", "context"),
            Function(nameof(BaselineFunctions.BaselineSendEmail), "activityTrigger", "send"));
        File.WriteAllText(Path.Combine(folder.FullName, FunctionMetadataReader.FileName), metadata.ToJsonString());
        var app = new LocalAppDescription(
            typeof(BaselineFunctions).Assembly,
            Path.Combine(folder.FullName, FunctionMetadataReader.FileName),
            Path.Combine(folder.FullName, "host.json"),
            (services, _) => services.AddSingleton(channel(new JourneyStorage(storage, TimeProvider.System).Outbox)))
        {
            LocalSettingsPath = Path.Combine(folder.FullName, "no-local-settings.json"),
        };
        return Configure(LocalFunctionHost.CreateBuilder([], app), connectionString, hubName, storage).Build();
    }

    /// <summary>Deletes the hub's tables, queues and blob containers.</summary>
    public static async Task DeleteHubAsync(string connectionString, string hubName, CancellationToken ct)
    {
        var tables = new TableServiceClient(connectionString);
        var upper = hubName[..^1] + (char)(hubName[^1] + 1);
        foreach (var table in await tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {hubName} and TableName lt {upper}"), cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false))
        {
            await tables.DeleteTableAsync(table.Name, ct).ConfigureAwait(false);
        }

        var lower = hubName.ToLowerInvariant();
        var queues = new QueueServiceClient(connectionString);
        foreach (var queue in await queues.GetQueuesAsync(prefix: lower, cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false))
        {
            await queues.DeleteQueueAsync(queue.Name, ct).ConfigureAwait(false);
        }

        var blobs = new BlobServiceClient(connectionString);
        foreach (var container in await blobs.GetBlobContainersAsync(prefix: lower, cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false))
        {
            // The app lease container stays leased after a stop until the lease runs out: break it first.
            var client = blobs.GetBlobContainerClient(container.Name);
            if (container.Properties.LeaseState == LeaseState.Leased)
            {
                await client.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: ct).ConfigureAwait(false);
            }

            await client.DeleteAsync(cancellationToken: ct).ConfigureAwait(false);
        }
    }

    private static LocalFunctionHostBuilder Configure(LocalFunctionHostBuilder builder, string connectionString, string hubName, BenchStorage storage)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["Ingestion:SuppressionSalt"] = "benchmark-suppression-salt",
            [HostJson + "durableTask:hubName"] = hubName,
        });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable(LogVariable) is { Length: > 0 } level)
        {
            // Off by default: the report is the output. Set to a level (Warning, Information) to see the hosts' logs on stderr.
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(Enum.Parse<LogLevel>(level, ignoreCase: true));
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services.AddSingleton<IStorageAccounts>(storage);
        builder.Services.AddSingleton<IStorageConnections>(storage);
        return builder;
    }

    private static JsonObject Function(string method, string trigger, string parameter)
    {
        var info = typeof(BaselineFunctions).GetMethod(method, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)!;
        return new JsonObject
        {
            ["name"] = info.GetCustomAttribute<FunctionAttribute>()!.Name,
            ["scriptFile"] = Path.GetFileName(typeof(BaselineFunctions).Assembly.Location),
            ["entryPoint"] = $"{typeof(BaselineFunctions).FullName}.{method}",
            ["language"] = "dotnet-isolated",
            ["properties"] = new JsonObject { ["IsCodeless"] = false },
            ["bindings"] = new JsonArray(new JsonObject { ["name"] = parameter, ["direction"] = "In", ["type"] = trigger, ["properties"] = new JsonObject() }),
        };
    }
}
