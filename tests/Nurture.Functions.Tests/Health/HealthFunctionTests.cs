using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.LocalHost.Durable;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Health;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task Health_WhenStorageAnswers_Is200AndReportsBothServicesReachable()
    {
        await using var host = await FunctionTestHost.StartAsync(storage: TestStorageAccounts.IsolatedAzurite());

        using var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storage").GetProperty("tables").GetProperty("reachable").GetBoolean());
        Assert.True(body.GetProperty("storage").GetProperty("queues").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Health_WhenStorageIsDown_Is503AndSaysWhichServiceFailed()
    {
        // Port 9 (discard) on loopback: nothing listens, every connection is refused.
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
            $"QueueEndpoint=http://127.0.0.1:9/{AzuriteProcess.AccountName};TableEndpoint=http://127.0.0.1:9/{AzuriteProcess.AccountName};";
        // The Durable engine needs a reachable account to start: it gets the tests' one; everything else is down.
        await using var host = await FunctionTestHost.StartAsync(
            services => services.AddSingleton(DurableStorageAccount.FromConnectionString(StorageTestEnvironment.ConnectionString)),
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = unreachable });

        using var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("storage").GetProperty("tables").GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("storage").GetProperty("tables").GetProperty("error").GetString()));
    }
}
