using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;

namespace Nurture.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when the Table and Queue services answer, 503 naming what does not.</summary>
public static class HealthFunction
{
    /// <summary>How long each storage probe may take.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.Health,
        new HttpTrigger("health", ["GET"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var storage = context.Services.GetRequiredService<IStorageAccounts>();
        var timers = context.Services.GetRequiredService<IOptions<TimerSchedulerOptions>>().Value;
        const string connection = StorageConnectionSettings.DefaultConnectionName;
        var tables = await ProbeAsync(
            async ct =>
            {
                await foreach (var _ in storage.GetTableService(connection).QueryAsync(TableClient.CreateQueryFilter($"TableName eq {timers.StatusTable}"), cancellationToken: ct).ConfigureAwait(false))
                {
                    break;
                }
            },
            context).ConfigureAwait(false);
        var queues = await ProbeAsync(
            async ct =>
            {
                await foreach (var _ in storage.GetQueueService(connection).GetQueuesAsync(prefix: "nurture", cancellationToken: ct).ConfigureAwait(false))
                {
                    break;
                }
            },
            context).ConfigureAwait(false);
        var healthy = tables.Reachable && queues.Reachable;
        var body = new HealthReport(healthy ? "healthy" : "unhealthy", new StorageHealth(tables, queues));
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ServiceHealth> ProbeAsync(Func<CancellationToken, Task> probe, FunctionContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe(timeout.Token).ConfigureAwait(false);
            return new ServiceHealth(true, null);
        }
        catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
        {
            // Health is the one place a failure becomes a value: reporting it is the function's job.
            HealthLog.ProbeFailed(context.Logger, e, e.GetType().Name);
            return new ServiceHealth(false, timeout.IsCancellationRequested ? $"no answer within {ProbeTimeout.TotalSeconds:F0} s" : e.GetType().Name);
        }
    }
}
