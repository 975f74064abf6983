using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Core.Profiles;
using Nurture.Functions.Contacts;
using Nurture.Functions.Delivery;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>
/// How many storage requests processing one event takes on Azurite, counted on the wire: the budget the ingestion
/// benchmark's ceiling is built from. A new shopper's profile is inserted without reading it first; a returning
/// shopper's is read once, while resolving the contact, not again to update it.
/// </summary>
public sealed class ProcessingRequestTests
{
    [Fact]
    public async Task Process_NewShoppersOrder_InsertsTheProfileWithoutReadingIt_ThenAReturningOrderReadsItOnce()
    {
        var counter = new CountingPolicy();
        var accounts = new TestStorageAccounts(PrefixedStorage.Create(
            StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix(), configure: o => o.AddPolicy(counter, HttpPipelinePosition.PerCall)));
        var storage = new IngestionStorage(accounts, Options.Create(new IngestionOptions { SuppressionSalt = "processing-requests-test-salt" }));
        await storage.EnsureInitializedAsync(CancellationToken.None);
        var profiles = new ProfileOptions { DefaultCallingCode = "1" };
        var processor = new InboundEventProcessor(
            storage,
            new ContactResolver(storage, profiles),
            new ContactEraser(storage, TimeProvider.System),
            new SendStatusStore(accounts),
            new RecipientEffects(storage, profiles),
            profiles,
            Options.Create(new IngestionOptions()),
            TimeProvider.System,
            NullLogger<InboundEventProcessor>.Instance);
        var shopper = Shopper.Unique();

        // The event's claim (insert-if-absent, also the dedupe check), three identity look-ups and three claims, the email's
        // and the phone's suppression-list look-ups, timeline and day rows, the profile insert, the order's id and cart
        // remembered for later refunds and cart updates, the marker.
        counter.Reset();
        Assert.Equal(1, await processor.ProcessAsync(Message(ShopifyPayloads.Order(shopper, 7001, 10m)), new NoJourneyEventSink(), CancellationToken.None));
        Assert.Equal(15, counter.Count);

        // The claim, three look-ups, two suppression-list look-ups, the owner's profile row (redirect check and the
        // update's starting point), timeline and day rows, the profile update, the order's id and cart, the marker.
        counter.Reset();
        Assert.Equal(1, await processor.ProcessAsync(Message(ShopifyPayloads.Order(shopper, 7002, 20m)), new NoJourneyEventSink(), CancellationToken.None));
        Assert.Equal(13, counter.Count);

        var contactId = await storage.Index.FindAsync(IdentityKind.Email, shopper.NormalizedEmail);
        var profile = await storage.Profiles.GetAsync(contactId!);
        Assert.Equal(2, profile!.Orders.OrderCount);
        Assert.Equal(30m, profile.Orders.OrderedTotal);
    }

    private static string Message(string orderJson) => InboundQueue.Serialize(new InboundDelivery(
        Guid.NewGuid().ToString("N"),
        EventSource.Shopify,
        "orders/create",
        DateTimeOffset.UtcNow,
        new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Event-Id"] = Guid.NewGuid().ToString() },
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(orderJson)),
        null));

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
