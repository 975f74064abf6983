using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Benchmarks.Runtime;

/// <summary>The standalone host, in process, on a loopback port, with one queue function and quiet logging.</summary>
internal static class BenchmarkHost
{
    public static async Task<WebApplication> StartAsync(
        string connectionString,
        IStorageAccounts storage,
        QueueFunction function,
        string queueName,
        TimeSpan maxPollingInterval,
        CancellationToken ct)
    {
        var builder = NurtureHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["BenchQueue"] = queueName,
            [QueueListenerOptions.Section + ":batchSize"] = "16",
            [QueueListenerOptions.Section + ":newBatchThreshold"] = "8",
            [QueueListenerOptions.Section + ":maxPollingInterval"] = maxPollingInterval.ToString("c", CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(storage);
        builder.Services.AddFunction(function);
        var app = NurtureHost.Build(builder);
        await app.StartAsync(ct).ConfigureAwait(false);
        return app;
    }
}
