using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Nurture.LocalHost.Tests.Support;
using Nurture.Storage.Tests.Infrastructure;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Wiring;

/// <summary>The Durable engine wired from the metadata: its functions registered, the hub from host.json, the client bound.</summary>
public sealed class DurableWiringTests(ITestOutputHelper output)
{
    private const string Key = "durable-test-key";

    [Fact]
    public async Task HttpAndQueueFunctions_StartOrchestrations_ThroughTheirDurableClient_OnTheHubHostJsonNames()
    {
        var hub = DurableTestStorage.NewHubName("wire");
        var greetQueue = TestNames.Queue("greet");
        var metadata = Of(
            HttpEntry(Method<DurableClientFunctions>(nameof(DurableClientFunctions.StartGreeting)), "Function", ["post"], "greetings/{name}", "req", DurableClient()),
            QueueEntry(Method<DurableClientFunctions>(nameof(DurableClientFunctions.GreetFromQueue)), "%GreetQueue%", "name", DurableClient()),
            OrchestrationEntry(Method<GreetingFunctions>(nameof(GreetingFunctions.GreetingOrchestration))),
            ActivityEntry(Method<GreetingFunctions>(nameof(GreetingFunctions.SayHello)), "name"));
        var hostJson = $$"""{ "version": "2.0", "extensions": { "durableTask": { "hubName": "{{hub}}" }, "queues": { "maxPollingInterval": "00:00:00.500" } } }""";
        await using var host = await LocalTestHost.StartAsync(output, metadata, new Dictionary<string, string?> { ["FunctionKeys:Default"] = Key, ["GreetQueue"] = greetQueue }, hostJson);
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/greetings/Ada");
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, Key);
        using var response = await host.Client.SendAsync(request);
        await StorageTestEnvironment.Account.Queues.GetQueueClient(greetQueue).SendAsync("Grace");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instanceId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
        var fromHttp = await Deadline.CompletionAsync(client, instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, fromHttp.RuntimeStatus);
        Assert.Equal(["Hello, Ada! (SayHello)", "Hello, Ada! (SayHello)"], fromHttp.ReadOutputAs<GreetingResult>()!.Greetings);
        var fromQueue = await Deadline.StatusAsync(client, "queued-Grace", s => s.RuntimeStatus == OrchestrationRuntimeStatus.Completed, "completed");
        Assert.Equal(["Hello, Grace! (SayHello)"], fromQueue.ReadOutputAs<GreetingResult>()!.Greetings);
        Assert.Equal(hub, host.Services.GetRequiredService<DurableEngine>().HubName);
    }

    [Fact]
    public void AppWithoutDurableFunctions_GetsNoEngine()
    {
        var (builder, folder) = LocalTestHost.CreateBuilder(output, Of(HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Ping)), "Anonymous", ["get"])));
        try
        {
            using var app = builder.Build();

            Assert.Null(app.Services.GetService<DurableEngine>());
            Assert.False(app.Catalog.UsesDurable);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task DurableFunctionsWithoutAHubName_FailAtStartNamingHostJsonsSetting()
    {
        var metadata = Of(OrchestrationEntry(Method<GreetingFunctions>(nameof(GreetingFunctions.GreetingOrchestration))));
        var (builder, folder) = LocalTestHost.CreateBuilder(output, metadata);
        try
        {
            await using var app = builder.Build();

            var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("extensions.durableTask.hubName", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
