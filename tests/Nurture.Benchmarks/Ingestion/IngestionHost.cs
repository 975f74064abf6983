using Microsoft.Extensions.DependencyInjection;
using Nurture.Benchmarks.Harness;
using Nurture.Functions.Hosting;
using Nurture.Functions.Ingestion;
using Nurture.LocalHost;
using Nurture.LocalHost.Hosting;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>The compiled app on the local host for the ingestion rows, with the benchmark's webhook secret.</summary>
internal static class IngestionHost
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Ingestion:ShopifySecret"] = IngestionBenchmark.ShopifySecret,
    };

    /// <summary>
    /// Starts the app on <paramref name="storage"/> (the app's own clients when null). <paramref name="triggers"/> are
    /// the clients its queue listeners poll: the same account to process deliveries, or one whose names are
    /// prefixed so that the listeners find empty queues and intake is measured alone.
    /// </summary>
    public static async Task<(LocalFunctionHostApp App, Uri Address)> StartAsync(
        string connectionString,
        IStorageAccounts? storage,
        IStorageConnections? triggers,
        CancellationToken ct)
    {
        var app = await NurtureAppHost.StartAsync(connectionString, storage, triggers, TimeSpan.FromMilliseconds(200), Settings, null, ct).ConfigureAwait(false);
        await app.Services.GetRequiredService<IngestionStorage>().EnsureInitializedAsync(ct).ConfigureAwait(false);
        return (app, app.BaseAddress);
    }
}
