using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Health;

public sealed class AppProcessTests
{
    [Fact]
    public async Task BuiltApp_StartsAgainstStorage_ServesHealth_AndStopsGracefullyOnSigterm()
    {
        // An Azurite of its own: on the shared one, this app's queue listeners would take other tests' messages.
        using var azurite = AzuriteProcess.Start();
        using var app = AppProcess.Start(new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        HttpStatusCode? status = null;
        JsonElement body = default;

        await Eventually.HoldsAsync(
            async () =>
            {
                if (app.HasExited)
                {
                    Assert.Fail("The app exited: " + app.Output);
                }

                try
                {
                    using var response = await client.GetAsync("api/health");
                    status = response.StatusCode;
                    body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the app answers /api/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(await app.TerminateAsync(TimeSpan.FromSeconds(30)), "the app did not stop within 30 s of SIGTERM");
        Assert.Equal(0, app.ExitCode);
        Assert.Contains("Application is shutting down", app.Output, StringComparison.Ordinal);
    }
}
