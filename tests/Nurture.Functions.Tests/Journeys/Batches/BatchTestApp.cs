using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Profiles;
using Nurture.Functions.Journeys;
using Nurture.Functions.Journeys.Batches;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys.Batches;

/// <summary>A real host on Azurite (its own prefixed tables and queues) with journeys reading the stored profiles.</summary>
public sealed class BatchTestApp : IAsyncDisposable
{
    /// <summary>An API-entry journey that holds each instance in a long delay, so instances stay live.</summary>
    public const string Hold = """
        {
          "id": "hold", "name": "Hold", "version": 1,
          "entry": { "kind": "api" },
          "re_entry": { "mode": "never" },
          "start": "wait",
          "nodes": [
            { "type": "delay", "id": "wait", "duration": "1.00:00:00", "next": "done" },
            { "type": "exit", "id": "done", "reason": "held" }
          ]
        }
        """;

    private static readonly DateTimeOffset Seen = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly TestStorageAccounts _storage;

    private BatchTestApp(FunctionTestHost host, TestStorageAccounts storage)
    {
        Host = host;
        _storage = storage;
        Profiles = new ProfileStore(storage.Tables);
        Host.Client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);
    }

    public FunctionTestHost Host { get; }

    public HttpClient Client => Host.Client;

    public ProfileStore Profiles { get; }

    public JourneyStorage Journeys => Host.Services.GetRequiredService<JourneyStorage>();

    public JourneyBatchStorage Batches => Host.Services.GetRequiredService<JourneyBatchStorage>();

    public JourneyStarter Starter => Host.Services.GetRequiredService<JourneyStarter>();

    public JourneyBatchProcessor Processor => Host.Services.GetRequiredService<JourneyBatchProcessor>();

    public DurableTaskClient Durable => Host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts the host with the journeys published; <paramref name="wrapContacts"/> may wrap the profile-backed contact source.</summary>
    public static async Task<BatchTestApp> StartAsync(IEnumerable<JourneyDefinition> journeys, Func<IJourneyContactSource, IJourneyContactSource>? wrapContacts = null)
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var host = await FunctionTestHost.StartAsync(
            services =>
            {
                services.AddSingleton(SendPolicyOptions.Default with { SmsQuietHours = null });
                if (wrapContacts is not null)
                {
                    services.AddSingleton(sp => wrapContacts(ActivatorUtilities.CreateInstance<ProfileContactSource>(sp)));
                }
            },
            storage: storage);
        var app = new BatchTestApp(host, storage);
        await app.Journeys.EnsureCreatedAsync();
        await app.Profiles.InitializeAsync();
        foreach (var journey in journeys)
        {
            await app.Journeys.Definitions.PublishAsync(journey);
        }

        await app.Journeys.Templates.SaveAsync(new MessageTemplate("flash-sale-announce", "The sale is on.", "24 hours only"));
        await app.Journeys.Templates.SaveAsync(new MessageTemplate("flash-sale-ending", "The sale ends soon.", "Last hours"));
        await app.Journeys.Templates.SaveAsync(new MessageTemplate("flash-sale-ending-sms", "The sale ends soon."));
        return app;
    }

    public static JourneyDefinition Parse(string json) => JourneyJson.Parse(json);

    /// <summary>Stores a profile with the given tags and attributes.</summary>
    public Task SeedAsync(string contactId, string[]? tags = null, IDictionary<string, string>? attributes = null) =>
        Profiles.UpdateAsync(contactId, p => p with
        {
            FirstSeenAt = Seen,
            Emails = p.Emails.Add(contactId + "@example.com"),
            Tags = (tags ?? []).Aggregate(p.Tags, (all, tag) => all.SetItem(tag, new ProfileTag(tag, TagSource.Platform, Seen))),
            Attributes = (attributes ?? new Dictionary<string, string>()).Aggregate(p.Attributes, (all, a) => all.SetItem(a.Key, new StampedValue(a.Value, Seen, "test"))),
        });

    public Task<HttpResponseMessage> PostBatchAsync(string journeyId, object body) => Client.PostAsJsonAsync($"api/journeys/{journeyId}/batch-starts", body);

    public Task<JsonElement> GetBatchAsync(string batchId) => Client.GetFromJsonAsync<JsonElement>($"api/journeys/batches/{batchId}");

    /// <summary>Polls the batch until it completed (or failed) and returns the last view.</summary>
    public async Task<JsonElement> WaitFinishedAsync(string batchId)
    {
        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                view = await GetBatchAsync(batchId);
                return view.GetProperty("status").GetString() is "completed" or "failed";
            },
            TimeSpan.FromSeconds(90),
            $"batch {batchId} finished");
        return view;
    }

    /// <summary>The instances of <paramref name="journeyId"/> each contact has.</summary>
    public async Task<Dictionary<string, IReadOnlyList<ContactInstance>>> InstancesAsync(string journeyId, IEnumerable<string> contactIds)
    {
        var found = new Dictionary<string, IReadOnlyList<ContactInstance>>(StringComparer.Ordinal);
        foreach (var contactId in contactIds)
        {
            found[contactId] = await Journeys.Instances.ListForContactAsync(contactId, journeyId);
        }

        return found;
    }

    /// <summary>Messages on <c>journey-batches</c>, invisible ones (being processed) included.</summary>
    public Task<int> PendingPagesAsync() => _storage.Queues.GetQueueClient(BatchPageQueue.QueueName).GetApproximateMessageCountAsync();

    public static int NotAdmitted(JsonElement view, string reason) =>
        view.GetProperty("not_admitted").TryGetProperty(reason, out var count) ? count.GetInt32() : 0;

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
