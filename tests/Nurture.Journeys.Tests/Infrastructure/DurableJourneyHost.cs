using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Outbox;
using Nurture.Channels.Sending;
using Nurture.Channels.Templates;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Functions;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Storage.Journeys;

namespace Nurture.Journeys.Tests.Infrastructure;

/// <summary>
/// Journeys on Durable's in-process test host: the real orchestration and activities, the app's services on
/// Azurite tables of the test's own, a shopper and templates seeded, and compressed retry timings.
/// </summary>
public sealed class DurableJourneyHost : IAsyncDisposable
{
    public const string ContactId = "c-shopper";

    private readonly ServiceProvider _services;
    private readonly DurableTaskTestHost _host;

    private DurableJourneyHost(ServiceProvider services, DurableTaskTestHost host)
    {
        _services = services;
        _host = host;
    }

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _services;

    public JourneyStorage Storage => _services.GetRequiredService<JourneyStorage>();

    public OutboxChannel Outbox => Storage.Outbox;

    /// <summary>Starts the host with <paramref name="journeys"/> published; <paramref name="wrapChannel"/> replaces the channel around the outbox.</summary>
    public static async Task<DurableJourneyHost> StartAsync(
        IEnumerable<JourneyDefinition> journeys,
        Func<IMessageChannel, IMessageChannel>? wrapChannel = null,
        IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Ingestion:SuppressionSalt"] = "journey-tests-suppression-salt",
            ["Journeys:FirstSendRetry"] = "00:00:01",
            ["Journeys:LongestSendRetry"] = "00:00:02",
            ["Journeys:SendRetryLimit"] = "00:00:20",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<IStorageAccounts>(new PrefixedStorageAccounts());

        // Quiet hours would make SMS steps depend on when the test runs, and caps would defer a compressed journey's
        // third email by a day (both are the decider's, tested there); the tests seed the minimal contact table.
        services.AddSingleton(SendPolicyOptions.Default with { SmsQuietHours = null, EmailCap = null, SmsCap = null });
        services.AddSingleton<IJourneyContactSource>(sp => sp.GetRequiredService<JourneyStorage>().Contacts);
        if (wrapChannel is not null)
        {
            services.AddSingleton(sp => wrapChannel(sp.GetRequiredService<JourneyStorage>().Outbox));
        }

        services.AddNurture(configuration);
        var provider = services.BuildServiceProvider();
        JourneyActivities Activities() => ActivatorUtilities.CreateInstance<JourneyActivities>(provider);
        var host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestratorFunc<JourneyRun, JourneyOutcome?>(nameof(JourneyOrchestration), (context, run) => JourneyOrchestrator.RunAsync(context, run));
                registry.AddActivityFunc<ApplyDecisionRequest, List<SendReport>>(nameof(JourneyActivities.ApplyJourneyDecision), (_, request) => Activities().ApplyJourneyDecision(request, CancellationToken.None));
                registry.AddActivityFunc<LoadContextRequest, string>(nameof(JourneyActivities.LoadJourneyContext), (_, request) => Activities().LoadJourneyContext(request, CancellationToken.None));
                registry.AddActivityFunc<StoredEventReference, string?>(nameof(JourneyActivities.LoadStoredEvent), (_, reference) => Activities().LoadStoredEvent(reference, CancellationToken.None));
            },
            new DurableTaskTestHostOptions { Port = FreePort() });
        var app = new DurableJourneyHost(provider, host);
        await app.SeedAsync(journeys);
        return app;
    }

    /// <summary>Changes the seeded shopper (tags, order history...) before a start.</summary>
    public async Task UpdateShopperAsync(Func<JourneyContact, JourneyContact> change)
    {
        var recipient = (await Storage.Contacts.GetAsync(ContactId))!;
        await Storage.Contacts.SaveAsync(recipient with { Contact = change(recipient.Contact) });
    }

    /// <summary>The shopper's tags as journeys see them.</summary>
    public async Task<IReadOnlySet<string>> ShopperTagsAsync() => (await Storage.Contacts.GetAsync(ContactId))!.Contact.TagsOrEmpty;

    /// <summary>Starts the journey for the shopper as the start endpoint does; the instance id, or null when not admitted.</summary>
    public async Task<string?> StartAsync(string journeyId, string entryKey)
    {
        var definition = (await Storage.Definitions.GetLatestAsync(journeyId))!;
        var contact = (await Storage.Contacts.GetAsync(ContactId))!.Contact;
        var prior = await Storage.Instances.ListForContactAsync(ContactId, journeyId);
        var now = DateTimeOffset.UtcNow;
        var decision = JourneyEntryEvaluator.ForApi(definition, contact, entryKey, prior.Select(p => p.ToPrior()).ToList(), now);
        if (decision.State is not { } pending)
        {
            return null;
        }

        await _services.GetRequiredService<JourneyStarter>().StartAsync(Client, pending, definition, null, now);
        return pending.InstanceId;
    }

    /// <summary>Stores an event on the shopper's timeline and offers it to journeys, as ingestion does.</summary>
    public async Task RaiseAsync(string eventId, string type, string propertiesJson)
    {
        var canonical = new CanonicalEvent(
            eventId, type, EventSource.Shopify, eventId, DateTimeOffset.UtcNow, new ContactIdentity(ContactId), JsonDocument.Parse(propertiesJson).RootElement.Clone());
        await Storage.Events.AppendAsync(ContactId, canonical);
        await _services.GetRequiredService<JourneyEventRouter>().OfferAsync(Client, ContactId, canonical);
    }

    /// <summary>Waits (with a deadline) until the instance has ended and returns its outcome.</summary>
    public async Task<JourneyOutcome> CompletedAsync(string instanceId, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        OrchestrationMetadata metadata;
        try
        {
            metadata = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            var now = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            var timeline = await Storage.Instances.ReadHistoryAsync(instanceId);
            throw new TimeoutException(
                $"Instance {instanceId} did not complete: {now?.RuntimeStatus} custom {now?.SerializedCustomStatus} failure {now?.FailureDetails?.ErrorMessage}; timeline: " +
                string.Join(" | ", timeline.Select(h => $"{h.At:HH:mm:ss.fff} {h.Kind} {h.Message}")));
        }

        Assert.True(metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage} {metadata.FailureDetails?.StackTrace}");
        return metadata.ReadOutputAs<JourneyOutcome>()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _services.DisposeAsync();
    }

    private async Task SeedAsync(IEnumerable<JourneyDefinition> journeys)
    {
        await Storage.EnsureCreatedAsync();
        foreach (var journey in journeys)
        {
            await Storage.Definitions.PublishAsync(journey);
            foreach (var template in journey.Nodes.OfType<Core.Journeys.Model.Nodes.SendNode>().Select(n => n.Template).OfType<string>().Distinct())
            {
                await Storage.Templates.SaveAsync(new MessageTemplate(template, $"Hi {{{{first_name}}}}, {template}.", $"{{{{first_name}}}}: {template}"));
            }
        }

        var consent = new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Granted, [MessageChannel.Sms] = ConsentStatus.Granted };
        await Storage.Contacts.SaveAsync(new JourneyRecipient(
            new JourneyContact(ContactId, "UTC", Consent: consent, HasEmail: true, HasPhone: true),
            "ana@example.com",
            "+15550123",
            "Ana"));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
