using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Outbox;
using Nurture.Channels.Sending;
using Nurture.Channels.Templates;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>A real host running journeys on its own prefixed tables and queues, with a shopper and templates seeded.</summary>
public sealed class JourneyTestApp : IAsyncDisposable
{
    public const string ContactId = "c-shopper";

    private JourneyTestApp(FunctionTestHost host) => Host = host;

    public FunctionTestHost Host { get; }

    public JourneyStorage Storage => Host.Services.GetRequiredService<JourneyStorage>();

    public IJourneyEventSink Sink => Host.Services.GetRequiredService<IJourneyEventSink>();

    public OutboxChannel Outbox => Storage.Outbox;

    /// <summary>The abandoned-checkout example with its hour and day shrunk to the given delays.</summary>
    public static JourneyDefinition AbandonedCheckout(string firstDelay, string secondDelay) =>
        JourneyJson.Parse(JourneyExamples.ReadJson("abandoned-checkout")
            .Replace("\"01:00:00\"", $"\"{firstDelay}\"", StringComparison.Ordinal)
            .Replace("\"1.00:00:00\"", $"\"{secondDelay}\"", StringComparison.Ordinal));

    public static async Task<JourneyTestApp> StartAsync(
        IStorageAccounts storage,
        JourneyDefinition journey,
        Func<IMessageChannel, IMessageChannel>? wrapChannel = null,
        IDictionary<string, string?>? settings = null)
    {
        var host = await FunctionTestHost.StartAsync(
            services =>
            {
                // Quiet hours would make the SMS step depend on when the test runs.
                services.AddSingleton(SendPolicyOptions.Default with { SmsQuietHours = null });
                if (wrapChannel is not null)
                {
                    services.AddSingleton(sp => wrapChannel(sp.GetRequiredService<JourneyStorage>().Outbox));
                }

                // The tests seed the minimal contact table; the app reads stored profiles.
                services.AddSingleton<IJourneyContactSource>(sp => sp.GetRequiredService<JourneyStorage>().Contacts);
                services.AddJourneys();
            },
            settings,
            storage);
        var app = new JourneyTestApp(host);
        await app.Storage.EnsureCreatedAsync();
        await app.Storage.Definitions.PublishAsync(journey);
        await app.Storage.Templates.SaveAsync(new MessageTemplate("abandoned-checkout-email", "Hi {{first_name}}, your cart is waiting.", "{{first_name}}, you left something"));
        await app.Storage.Templates.SaveAsync(new MessageTemplate("abandoned-checkout-sms", "{{first_name}}: your cart is still there."));
        var consent = new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Granted, [MessageChannel.Sms] = ConsentStatus.Granted };
        await app.Storage.Contacts.SaveAsync(new JourneyRecipient(
            new JourneyContact(ContactId, "UTC", Consent: consent, HasEmail: true, HasPhone: true),
            "ana@example.com",
            "+15550123",
            "Ana"));
        return app;
    }

    /// <summary>Stores an event on the shopper's timeline and raises it to journeys, as ingestion does.</summary>
    public async Task RaiseAsync(string eventId, string type, string propertiesJson)
    {
        var canonical = new CanonicalEvent(
            eventId,
            type,
            EventSource.Shopify,
            eventId,
            DateTimeOffset.UtcNow,
            new ContactIdentity(ContactId),
            JsonDocument.Parse(propertiesJson).RootElement.Clone());
        await Storage.Events.AppendAsync(ContactId, canonical);
        await Sink.OfferAsync(ContactId, canonical, CancellationToken.None);
    }

    /// <summary>The shopper's instances, loaded.</summary>
    public async Task<IReadOnlyList<StoredInstance>> InstancesAsync()
    {
        var states = new List<StoredInstance>();
        foreach (var entry in await Storage.Instances.ListForContactAsync(ContactId))
        {
            states.Add((await Storage.Instances.LoadAsync(entry.InstanceId))!);
        }

        return states;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
