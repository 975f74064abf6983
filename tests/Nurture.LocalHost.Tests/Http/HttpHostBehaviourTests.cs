using System.Net;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Support;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Http;

/// <summary>Behaviour that needs a host of its own: the route prefix, functionTimeout, draining on shutdown.</summary>
public sealed class HttpHostBehaviourTests(ITestOutputHelper output)
{
    private static readonly string Slow = Of(HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Slow)), "Anonymous", ["get"], "slow"));

    [Theory]
    [InlineData("v1", "v1/Ping", "api/Ping")]
    [InlineData("", "Ping", "api/Ping")]
    public async Task RoutePrefix_FromHostJson_IsWhereFunctionsAreServed(string prefix, string served, string notServed)
    {
        var hostJson = $$"""{ "version": "2.0", "extensions": { "http": { "routePrefix": "{{prefix}}" } } }""";
        await using var host = await LocalTestHost.StartAsync(output, Of(HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Ping)), "Anonymous", ["get"])), hostJson: hostJson);

        using var hit = await host.Client.GetAsync(served);
        using var miss = await host.Client.GetAsync(notServed);

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
    }

    [Fact]
    public async Task RoutePrefix_OverriddenWithAnAzureFunctionsJobHostSetting_WinsOverHostJson()
    {
        var hostJson = """{ "version": "2.0", "extensions": { "http": { "routePrefix": "fromhostjson" } } }""";
        await using var host = await LocalTestHost.StartAsync(
            output,
            Of(HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Ping)), "Anonymous", ["get"])),
            hostJson: hostJson,
            args: ["--AzureFunctionsJobHost:extensions:http:routePrefix=fromsetting"]);

        using var response = await host.Client.GetAsync("fromsetting/Ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FunctionTimeout_FromHostJson_CancelsTheInvocationsToken()
    {
        const string hostJson = """{ "version": "2.0", "functionTimeout": "00:00:01" }""";
        await using var host = await LocalTestHost.StartAsync(output, Slow, hostJson: hostJson);
        host.Services.GetProbe().Behaviour = (_, token) => Task.Delay(Timeout.Infinite, token);

        using var response = await host.Client.GetAsync("api/slow?id=timeout");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("cancelled", (await response.Content.ReadAsStringAsync()).Trim('"'));
    }

    [Fact]
    public async Task Shutdown_WaitsForRequestsInFlight_ThenStops()
    {
        await using var host = await LocalTestHost.StartAsync(output, Slow);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetProbe().Behaviour = async (_, _) =>
        {
            started.SetResult();
            await release.Task;
        };
        var request = host.Client.GetAsync("api/slow?id=draining");
        await started.Task.WaitAsync(Eventually.Deadline);

        var stopping = host.StopAsync();
        Assert.False(stopping.IsCompleted, "the host stopped while a request was in flight");
        release.SetResult();
        using var response = await request;
        await stopping.WaitAsync(Eventually.Deadline);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finished", (await response.Content.ReadAsStringAsync()).Trim('"'));
    }
}
