using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Hosting;
using Nurture.Functions.Ingestion;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>The standalone host in process on a loopback port with ingestion services and the chosen functions.</summary>
internal static class IngestionHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        string connectionString,
        IStorageAccounts? storage,
        Action<IServiceCollection> addFunctions,
        CancellationToken ct)
    {
        var builder = NurtureHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["Ingestion:ShopifySecret"] = IngestionBenchmark.ShopifySecret,
            [QueueListenerOptions.Section + ":batchSize"] = "16",
            [QueueListenerOptions.Section + ":newBatchThreshold"] = "8",
            [QueueListenerOptions.Section + ":maxPollingInterval"] = "00:00:00.200",
        });
        builder.Logging.ClearProviders();
        if (storage is not null)
        {
            builder.Services.AddSingleton(storage);
        }

        builder.Services.AddIngestion();
        addFunctions(builder.Services);
        var app = NurtureHost.Build(builder);
        await app.StartAsync(ct).ConfigureAwait(false);
        await app.Services.GetRequiredService<IngestionStorage>().EnsureInitializedAsync(ct).ConfigureAwait(false);
        return (app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }
}
