using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Outbox;
using Nurture.Channels.Sending;
using Nurture.Channels.Templates;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// The app on the local host (Kestrel, queue listeners, Durable on Azurite) with tables and queues of its own, a
/// stored shopper profile, templates and the given journeys published.
/// </summary>
public sealed class JourneyTestApp : IAsyncDisposable
{
    public const string ContactId = "c-shopper";

    private JourneyTestApp(FunctionTestHost host, TestStorageAccounts storage)
    {
        Host = host;
        Accounts = storage;
        Profiles = new ProfileStore(storage.Tables);
        Client.DefaultRequestHeaders.Add("x-functions-key", FunctionTestHost.FunctionKey);
    }

    public FunctionTestHost Host { get; }

    public TestStorageAccounts Accounts { get; }

    public HttpClient Client => Host.Client;

    public ProfileStore Profiles { get; }

    public JourneyStorage Storage => Host.Services.GetRequiredService<JourneyStorage>();

    public DurableTaskClient Durable => Host.Services.GetRequiredService<DurableTaskClient>();

    public OutboxChannel Outbox => Storage.Outbox;

    /// <summary>The abandoned-checkout example with its hour and day shrunk to the given delays.</summary>
    public static JourneyDefinition AbandonedCheckout(string firstDelay, string secondDelay) =>
        JourneyJson.Parse(JourneyExamples.ReadJson("abandoned-checkout")
            .Replace("\"01:00:00\"", $"\"{firstDelay}\"", StringComparison.Ordinal)
            .Replace("\"1.00:00:00\"", $"\"{secondDelay}\"", StringComparison.Ordinal));

    /// <summary>Starts the app; <paramref name="wrapChannel"/> replaces the channel around the outbox.</summary>
    public static async Task<JourneyTestApp> StartAsync(
        IEnumerable<JourneyDefinition> journeys,
        Func<IMessageChannel, IMessageChannel>? wrapChannel = null,
        IDictionary<string, string?>? settings = null,
        TestStorageAccounts? storage = null)
    {
        storage ??= TestStorageAccounts.IsolatedAzurite();
        var host = await FunctionTestHost.StartAsync(
            services =>
            {
                // Quiet hours would make SMS steps depend on when the test runs, and caps would defer a compressed
                // journey's later emails by a day (both are the decider's, tested there).
                services.AddSingleton(SendPolicyOptions.Default with { SmsQuietHours = null, EmailCap = null, SmsCap = null });
                if (wrapChannel is not null)
                {
                    services.AddSingleton(sp => wrapChannel(sp.GetRequiredService<JourneyStorage>().Outbox));
                }
            },
            settings,
            storage);
        var app = new JourneyTestApp(host, storage);
        await app.Storage.EnsureCreatedAsync();
        await app.Profiles.InitializeAsync();
        foreach (var journey in journeys)
        {
            await app.PublishAsync(journey);
        }

        await TestProfiles.SeedAsync(app.Profiles, ContactId, "ana@example.com", "+15550123");
        return app;
    }

    /// <summary>Publishes the journey with a template for each of its sends.</summary>
    public async Task PublishAsync(JourneyDefinition journey)
    {
        foreach (var template in journey.Nodes.OfType<Core.Journeys.Model.Nodes.SendNode>().Select(n => n.Template).OfType<string>().Distinct())
        {
            await Storage.Templates.SaveAsync(new MessageTemplate(template, $"Hi {{{{first_name}}}}, {template}.", $"{{{{first_name}}}}: {template}"));
        }

        await Storage.Definitions.PublishAsync(journey);
    }

    /// <summary>Stores an event on the shopper's timeline and offers it to journeys, as ingestion does.</summary>
    public async Task RaiseAsync(string eventId, string type, string propertiesJson, bool store = true)
    {
        var canonical = new CanonicalEvent(
            eventId, type, EventSource.Shopify, eventId, DateTimeOffset.UtcNow, new ContactIdentity(ContactId), JsonDocument.Parse(propertiesJson).RootElement.Clone());
        if (store)
        {
            await Storage.Events.AppendAsync(ContactId, canonical);
        }

        await Host.Services.GetRequiredService<JourneyEventRouter>().OfferAsync(Durable, ContactId, canonical);
    }

    /// <summary>The shopper's instances with the state their last decision recorded (null before the first).</summary>
    public async Task<IReadOnlyList<(string InstanceId, RecordedInstance? Recorded)>> InstancesAsync(string contactId = ContactId)
    {
        var states = new List<(string, RecordedInstance?)>();
        foreach (var entry in await Storage.Instances.ListForContactAsync(contactId))
        {
            states.Add((entry.InstanceId, await Storage.Instances.LoadAsync(entry.InstanceId)));
        }

        return states;
    }

    /// <summary>Waits (with a deadline) until the Durable instance has ended; its runtime status.</summary>
    public async Task<OrchestrationMetadata> EndedAsync(string instanceId, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        try
        {
            return await Durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            var timeline = await Storage.Instances.ReadHistoryAsync(instanceId);
            throw new TimeoutException($"Instance {instanceId} did not end; timeline: " + string.Join(" | ", timeline.Select(h => $"{h.At:HH:mm:ss.fff} {h.Kind} {h.NodeId} {h.Message}")));
        }
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
