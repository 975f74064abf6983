using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Hosting;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;
using Nurture.Storage.Connections;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when the Table and Queue services answer, 503 naming what does not.</summary>
public sealed class HealthFunction(IStorageAccounts storageAccounts, ILogger<HealthFunction> logger)
{
    /// <summary>How long each storage probe may take.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Answers <c>GET /api/health</c>.</summary>
    [Function(FunctionNames.Health)]
    [ApiResponse(StatusCodes.Status200OK, typeof(HealthReport), Description = "Tables and queues answer.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, typeof(HealthReport), Description = "A storage service does not answer; the report says which and why.")]
    public async Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var storage = storageAccounts;
        const string connection = StorageConnectionSettings.DefaultConnectionName;
        var tables = await ProbeAsync(
            async ct =>
            {
                await foreach (var _ in storage.GetTableService(connection).QueryAsync(TableClient.CreateQueryFilter($"TableName eq {ProfileStore.TableName}"), cancellationToken: ct).ConfigureAwait(false))
                {
                    break;
                }
            },
            cancellationToken).ConfigureAwait(false);
        var queues = await ProbeAsync(
            async ct =>
            {
                await foreach (var _ in storage.GetQueueService(connection).GetQueuesAsync(prefix: "nurture", cancellationToken: ct).ConfigureAwait(false))
                {
                    break;
                }
            },
            cancellationToken).ConfigureAwait(false);
        var healthy = tables.Reachable && queues.Reachable;
        var body = new HealthReport(healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy, new StorageHealth(tables, queues));
        return ApiJson.Result(body, healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<ServiceHealth> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe(timeout.Token).ConfigureAwait(false);
            return new ServiceHealth(true, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Health is the one place a failure becomes a value: reporting it is the function's job.
            HealthLog.ProbeFailed(logger, e, e.GetType().Name);
            return new ServiceHealth(false, timeout.IsCancellationRequested ? $"no answer within {ProbeTimeout.TotalSeconds:F0} s" : e.GetType().Name);
        }
    }
}
