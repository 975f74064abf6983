using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Benchmarks.Harness;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Benchmarks.Ingestion;

/// <summary>Intake: accepted webhooks per second, the raw put ceiling, and acknowledgement latency.</summary>
public static partial class IngestionBenchmark
{
    internal static byte[] OrderJson(int i) => Encoding.UTF8.GetBytes(
        $$"""{"id":{{900000 + i}},"email":"bench.{{i}}@example.com","created_at":"2026-11-23T08:00:00Z","currency":"USD","total_price":"42.00","subtotal_price":"42.00","checkout_token":"tok{{i}}","customer":{"id":{{700000 + i}},"email":"bench.{{i}}@example.com","first_name":"Bench"},"line_items":[{"id":1,"product_id":632910392,"title":"Mug","quantity":1,"price":"42.00","sku":"MUG-1"}]}""");

    private static async Task<(double Rate, CpuCost Cost)> MeasureRawPutsAsync(QueueServiceClient queues, CpuMeter meter, int clients, int total, CancellationToken ct)
    {
        var queue = queues.GetQueueClient("bench-raw-put-" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        var delivery = new InboundDelivery(Guid.NewGuid().ToString("N"), EventSource.Shopify, "orders/create", DateTimeOffset.UtcNow, new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Event-Id"] = "e" }, Convert.ToBase64String(OrderJson(1)), null);
        var text = InboundQueue.Serialize(delivery);
        await RunConcurrentlyAsync(clients, clients * 4, _ => queue.EnqueueAsync(text, cancellationToken: ct)).ConfigureAwait(false);
        var before = meter.Read();
        var rate = await RunConcurrentlyAsync(clients, total, _ => queue.EnqueueAsync(text, cancellationToken: ct)).ConfigureAwait(false);
        var cost = meter.Read().Since(before, total, total / rate);
        await queue.DeleteIfExistsAsync(ct).ConfigureAwait(false);
        return (rate, cost);
    }

    /// <summary>
    /// Webhooks accepted by the app on the local host. Its queue listeners poll empty queues of their own (a name
    /// prefix), so <c>ProcessInboundEvent</c> does not compete with intake for Azurite and the CPU: this row is intake alone.
    /// </summary>
    private static async Task<(double Rate, CpuCost Cost)> MeasureAcceptedAsync(string connectionString, CpuMeter meter, int clients, int total, CancellationToken ct)
    {
        var idle = PrefixedStorage.NewPrefix();
        var (app, address) = await IngestionHost.StartAsync(connectionString, null, new CountedStorageAccounts(connectionString, idle), ct).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            using var http = Client(address, clients);
            await RunConcurrentlyAsync(clients, clients * 4, i => PostAsync(http, i, ct)).ConfigureAwait(false);
            var before = meter.Read();
            var rate = await RunConcurrentlyAsync(clients, total, i => PostAsync(http, i, ct)).ConfigureAwait(false);
            var cost = meter.Read().Since(before, total, total / rate);
            await ClearInboundAsync(app.Services, ct).ConfigureAwait(false);
            await app.StopAsync(ct).ConfigureAwait(false);
            await DeleteQueuesAsync(connectionString, idle, ct).ConfigureAwait(false);
            return (rate, cost);
        }
    }

    private static async Task<List<double>> MeasureAckLatencyAsync(string connectionString, double rate, TimeSpan duration, CancellationToken ct)
    {
        var idle = PrefixedStorage.NewPrefix();
        var (app, address) = await IngestionHost.StartAsync(connectionString, null, new CountedStorageAccounts(connectionString, idle), ct).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            using var http = Client(address, 64);
            await RunConcurrentlyAsync(8, 64, i => PostAsync(http, i, ct)).ConfigureAwait(false);
            var latencies = new List<double>();
            var sends = new List<Task>();
            var count = (int)(rate * duration.TotalSeconds);
            var clock = Stopwatch.StartNew();
            for (var k = 0; k < count; k++)
            {
                // Open loop: each request starts on schedule whether or not earlier ones have answered.
                var due = TimeSpan.FromSeconds(k / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, ct).ConfigureAwait(false);
                }

                var index = k;
                sends.Add(Task.Run(
                    async () =>
                    {
                        var started = Stopwatch.GetTimestamp();
                        await PostAsync(http, 100_000 + index, ct).ConfigureAwait(false);
                        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        lock (latencies)
                        {
                            latencies.Add(ms);
                        }
                    },
                    ct));
            }

            await Task.WhenAll(sends).ConfigureAwait(false);
            await ClearInboundAsync(app.Services, ct).ConfigureAwait(false);
            await app.StopAsync(ct).ConfigureAwait(false);
            await DeleteQueuesAsync(connectionString, idle, ct).ConfigureAwait(false);
            return latencies;
        }
    }

    /// <summary>Deletes the queues the idle listeners created under <paramref name="prefix"/>.</summary>
    private static async Task DeleteQueuesAsync(string connectionString, string prefix, CancellationToken ct)
    {
        var queues = StorageAccount.FromConnectionString(connectionString).Queues;
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix, cancellationToken: ct).ConfigureAwait(false))
        {
            await queues.DeleteQueueAsync(queue.Name, ct).ConfigureAwait(false);
        }
    }

    private static Task ClearInboundAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IStorageAccounts>().GetQueueService(StorageConnectionSettings.DefaultConnectionName).GetQueueClient(InboundQueue.QueueName).ClearMessagesAsync(ct);

    private static HttpClient Client(Uri address, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { BaseAddress = address };

    private static async Task PostAsync(HttpClient http, int i, CancellationToken ct)
    {
        var body = OrderJson(i);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(Sign(body)));
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }
    }
}
