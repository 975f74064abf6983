using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.SendTime;

/// <summary>The whole app on its own prefixed Azurite tables and queues, with journeys published, reading stored profiles.</summary>
internal sealed class BestTimeApp : IAsyncDisposable
{
    private BestTimeApp(FunctionTestHost host, TestStorageAccounts storage)
    {
        Host = host;
        Profiles = new ProfileStore(storage.Tables);
        Host.Client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);
    }

    public FunctionTestHost Host { get; }

    public ProfileStore Profiles { get; }

    public JourneyStorage Journeys => Host.Services.GetRequiredService<JourneyStorage>();

    public static async Task<BestTimeApp> StartAsync(params string[] journeys)
    {
        var storage = TestStorageAccounts.IsolatedAzurite();

        // No quiet hours: the chosen times must not depend on when the test runs.
        var host = await FunctionTestHost.StartAsync(services => services.AddSingleton(SendPolicyOptions.Default with { SmsQuietHours = null, EmailQuietHours = null }), storage: storage);
        var app = new BestTimeApp(host, storage);
        await app.Journeys.EnsureCreatedAsync();
        await app.Profiles.InitializeAsync();
        foreach (var journey in journeys)
        {
            await app.Journeys.Definitions.PublishAsync(JourneyJson.Parse(journey));
        }

        await app.Journeys.Templates.SaveAsync(new MessageTemplate("sale-announce", "The sale is on.", "24 hours only"));
        return app;
    }

    /// <summary>Starts a batch and waits until it completed; returns its id and final view.</summary>
    public async Task<(string BatchId, JsonElement View)> RunBatchAsync(string journeyId, object body)
    {
        using var accepted = await Host.Client.PostAsJsonAsync($"api/journeys/{journeyId}/batch-starts", body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        var batchId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString()!;
        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                view = await Host.Client.GetFromJsonAsync<JsonElement>($"api/journeys/batches/{batchId}");
                return view.GetProperty("status").GetString() is "completed" or "failed";
            },
            TimeSpan.FromSeconds(90),
            $"batch {batchId} finished");
        return (batchId, view);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
