using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;

namespace Nurture.LocalHost.SampleApp;

/// <summary>One function per trigger the local host runs, written the way the Nurture app writes its functions.</summary>
public sealed class SampleFunctions(QueueServiceClient queues, IConfiguration configuration)
{
    /// <summary>Registers what the functions need: the storage account's queue service.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(_ => StorageConnectionSettings.Resolve(configuration).Queues);

    [Function(nameof(Ping))]
    public static IActionResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping")] HttpRequest req) =>
        new OkObjectResult(new { status = "pong" });

    [Function(nameof(StartHello))]
    public static async Task<IActionResult> StartHello(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "hello/{name}")] HttpRequest req,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloOrchestration), name, cancellationToken);
        return new AcceptedResult(string.Empty, new { instanceId });
    }

    [Function(nameof(HelloStatus))]
    public static async Task<IActionResult> HelloStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "hello/{instanceId}")] HttpRequest req,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return state is null ? new NotFoundResult() : new OkObjectResult(new { status = state.RuntimeStatus.ToString(), output = state.SerializedOutput });
    }

    [Function(nameof(HelloOrchestration))]
    public static Task<string> HelloOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<string>(nameof(SayHello), context.GetInput<string>());

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] string name) => $"Hello, {name}!";

    /// <summary>Takes a while, then records the message in <c>{queue}-done</c>: a message in flight at shutdown must still get there.</summary>
    [Function(nameof(SlowWork))]
    public async Task SlowWork([QueueTrigger("%SampleQueue%")] string message)
    {
        await Task.Delay(TimeSpan.Parse(configuration["SampleWorkDuration"] ?? "00:00:02", System.Globalization.CultureInfo.InvariantCulture));
        var done = queues.GetQueueClient(configuration["SampleQueue"] + "-done");
        await done.CreateIfNotExistsAsync();
        await done.EnqueueAsync(message);
    }

    [Function(nameof(Yearly))]
    public static void Yearly([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
    }
}
