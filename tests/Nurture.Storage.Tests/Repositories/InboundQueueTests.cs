using System.Text;
using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Repositories;

/// <summary>The events-inbound queue: small bodies inline, large ones through the claim check, nothing lost (on Azurite, names of its own).</summary>
public sealed class InboundQueueTests
{
    private readonly StorageAccount _storage = PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix());

    [Theory]
    [InlineData(100)]
    [InlineData(32 * 1024)]
    [InlineData(32 * 1024 + 1)]
    [InlineData(3_000_000)]
    public async Task Delivery_OfAnySize_ComesBackWhole(int bodyBytes)
    {
        var inbound = new InboundQueue(_storage.Queues, new PayloadStore(_storage.Tables));
        await inbound.InitializeAsync();
        var body = Encoding.UTF8.GetBytes(new string('x', bodyBytes));
        var delivery = new InboundDelivery("d-" + bodyBytes, EventSource.Shopify, "orders/create", DateTimeOffset.UnixEpoch, new Dictionary<string, string> { ["X-Shopify-Event-Id"] = "e1" }, null, null);

        var sent = await inbound.EnqueueAsync(delivery, body);

        var message = Assert.Single((await _storage.Queues.GetQueueClient(InboundQueue.QueueName).ReceiveMessagesAsync()).Value);
        var received = InboundQueue.Deserialize(message.MessageText);
        Assert.Equal(bodyBytes > 32 * 1024, received.PayloadRef is not null);
        Assert.Equal(sent, received with { Headers = sent.Headers });
        Assert.Equal("e1", received.Headers["X-Shopify-Event-Id"]);
        Assert.Equal(body, await inbound.ReadBodyAsync(received));

        await inbound.ReleaseBodyAsync(received);
        Assert.Equal(received.PayloadRef is null ? body : null, await inbound.ReadBodyAsync(received));
    }

    [Fact]
    public async Task ApproximateCount_CountsWhatWaits_AndIsZeroBeforeTheQueueExists()
    {
        var inbound = new InboundQueue(_storage.Queues, new PayloadStore(_storage.Tables));
        Assert.Equal(0, await inbound.ApproximateCountAsync());

        await inbound.InitializeAsync();
        var delivery = new InboundDelivery("d-count", EventSource.Shopify, "orders/create", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), null, null);
        await inbound.EnqueueAsync(delivery, Encoding.UTF8.GetBytes("{}"));

        Assert.Equal(1, await inbound.ApproximateCountAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    public void Deserialize_OfSomethingElse_Throws(string text)
    {
        Assert.ThrowsAny<JsonException>(() => InboundQueue.Deserialize(text));
    }
}
