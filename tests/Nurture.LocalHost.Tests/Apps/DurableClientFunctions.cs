using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Nurture.LocalHost.Tests.Samples;

namespace Nurture.LocalHost.Tests.Apps;

/// <summary>HTTP and queue functions that start the Durable samples' greeting orchestration through <c>[DurableClient]</c>.</summary>
public sealed class DurableClientFunctions
{
    [Function(nameof(StartGreeting))]
    public static async Task<IActionResult> StartGreeting(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "greetings/{name}")] HttpRequest req,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GreetingFunctions.GreetingOrchestration), new GreetingRequest(name, 2), cancellationToken);
        return new AcceptedResult(string.Empty, new { instanceId });
    }

    [Function(nameof(GreetFromQueue))]
    public static Task GreetFromQueue([QueueTrigger("%GreetQueue%")] string name, [DurableClient] DurableTaskClient client) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GreetingFunctions.GreetingOrchestration), new GreetingRequest(name, 1), new StartOrchestrationOptions { InstanceId = "queued-" + name });
}
