using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Metadata;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Support;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.LocalHost.Tests.SampleApp;

/// <summary>
/// The local host as a real process, running an app whose functions.metadata the Worker SDK wrote: HTTP with keys,
/// a Durable orchestration started over HTTP, a queue message in flight at SIGTERM, and the listen-URL precedence.
/// </summary>
public sealed class SampleAppProcessTests
{
    private const string Key = "sample-function-key";

    [Fact]
    public void SdkWrittenMetadata_DescribesEveryTriggerTheHostRuns()
    {
        var functions = FunctionMetadataReader.Read(Path.Combine(SampleAppProcess.Folder, FunctionMetadataReader.FileName));

        Assert.Equal(
            ["HelloOrchestration", "HelloStatus", "Ping", "SayHello", "SlowWork", "StartHello", "Yearly"],
            functions.Select(f => f.Name).Order());
        Assert.Equal(
            ["activityTrigger", "httpTrigger", "orchestrationTrigger", "queueTrigger", "timerTrigger"],
            functions.SelectMany(f => f.Bindings).Where(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal)).Select(b => b.Type).Distinct().Order());
    }

    [Fact]
    public async Task SampleApp_ServesHttpAndDurable_ListensWhereAspNetCoreUrlsSays_AndDrainsAQueueMessageOnSigterm()
    {
        var port = LocalTestHost.FreePort();
        var ignoredPort = LocalTestHost.FreePort();
        var queueName = TestNames.Queue("sample");
        var queue = StorageTestEnvironment.Account.Queues.GetQueueClient(queueName);
        var done = StorageTestEnvironment.Account.Queues.GetQueueClient(queueName + "-done");
        var workingDirectory = Directory.CreateTempSubdirectory("nurture-sample-app-");
        using var app = SampleAppProcess.Start(workingDirectory.FullName, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = DurableTestStorage.ConnectionString,
            ["SampleQueue"] = queueName,
            ["SampleHubName"] = DurableTestStorage.NewHubName("sample"),
            ["SampleWorkDuration"] = "00:00:03",
            ["FunctionKeys__Default"] = Key,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Host__Urls"] = $"http://127.0.0.1:{ignoredPort}",
            ["AzureFunctionsJobHost__extensions__queues__batchSize"] = "2",
            ["Durable__WorkerSlotDirectory"] = DurableTestHost.SlotDirectory,
            ["Timers__StatusTable"] = TestNames.Table("samplestatus"),
            ["Timers__LeaseTable"] = TestNames.Table("samplelease"),
            ["DOTNET_ENVIRONMENT"] = "Production",
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add(FunctionKeyAuthorizer.KeyHeader, Key);
        try
        {
            await Eventually.HoldsAsync(() => PingAsync(client, app), "the app answers /api/ping on ASPNETCORE_URLS", TimeSpan.FromSeconds(90));
            await Assert.ThrowsAsync<HttpRequestException>(() => new HttpClient().GetAsync($"http://127.0.0.1:{ignoredPort}/api/ping"));
            Assert.Contains("batchSize 2", app.Output, StringComparison.Ordinal);

            using var started = await client.PostAsync("api/hello/Ada", null);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString();
            JsonElement status = default;
            await Eventually.HoldsAsync(
                async () => (status = await client.GetFromJsonAsync<JsonElement>($"api/hello/{instanceId}")).GetProperty("status").GetString() == "Completed",
                "the orchestration completed");
            Assert.Equal("\"Hello, Ada!\"", status.GetProperty("output").GetString());

            await queue.SendAsync("in-flight-at-sigterm");
            await Eventually.HoldsAsync(() => app.Output.Contains("Executing SlowWork", StringComparison.Ordinal), "the queue message is being processed");
            Assert.True(await app.TerminateAsync(TimeSpan.FromSeconds(60)), "the app did not stop within 60 s of SIGTERM");

            Assert.Equal(0, app.ExitCode);
            Assert.Contains("Application is shutting down", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("crit:", app.Output, StringComparison.Ordinal);
            Assert.Equal("in-flight-at-sigterm", Assert.Single(await done.PeekAsync(32)).MessageText);
            Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("The sample app failed; its output: " + app.Output, e);
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }
    }

    private static async Task<bool> PingAsync(HttpClient client, SampleAppProcess app)
    {
        if (app.HasExited)
        {
            Assert.Fail("The sample app exited: " + app.Output);
        }

        try
        {
            using var response = await client.GetAsync("api/ping");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
