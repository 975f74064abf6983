using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Core.Journeys.Policies;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys;
using Nurture.Storage.Journeys;

namespace Nurture.Benchmarks.Journeys;

/// <summary>The standalone host in process with journeys (queue listener and runner) configured as host.json does.</summary>
internal static class JourneyBenchHost
{
    /// <summary>host.json <c>extensions.queues</c>: what a deployment runs with.</summary>
    public const int BatchSize = 16;

    /// <summary>host.json <c>extensions.queues.newBatchThreshold</c>.</summary>
    public const int NewBatchThreshold = 8;

    /// <summary>host.json <c>extensions.queues.maxPollingInterval</c>.</summary>
    public static readonly TimeSpan MaxPollingInterval = TimeSpan.FromSeconds(2);

    /// <summary>Most handlers the listener runs at once: a batch fetched while <see cref="NewBatchThreshold"/> are still running.</summary>
    public static int ListenerParallelism => BatchSize + NewBatchThreshold;

    /// <summary>Caps and quiet hours off, so no send is deferred and every instance finishes in one go.</summary>
    public static SendPolicyOptions Policy { get; } = SendPolicyOptions.Default with
    {
        EmailCap = null,
        SmsCap = null,
        EmailQuietHours = null,
        SmsQuietHours = null,
    };

    public static async Task<WebApplication> StartAsync(string connectionString, IStorageAccounts storage, CancellationToken ct)
    {
        var builder = NurtureHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Host:Urls"] = "http://127.0.0.1:0",
            [QueueListenerOptions.Section + ":batchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            [QueueListenerOptions.Section + ":newBatchThreshold"] = NewBatchThreshold.ToString(CultureInfo.InvariantCulture),
            [QueueListenerOptions.Section + ":maxPollingInterval"] = MaxPollingInterval.ToString("c", CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(Policy);

        // The minimal contact table stands in for stored profiles (one point read per contact, like a profile read).
        builder.Services.AddSingleton<IJourneyContactSource>(sp => sp.GetRequiredService<JourneyStorage>().Contacts);
        builder.Services.AddJourneys();
        var app = NurtureHost.Build(builder);
        await app.StartAsync(ct).ConfigureAwait(false);
        return app;
    }
}
