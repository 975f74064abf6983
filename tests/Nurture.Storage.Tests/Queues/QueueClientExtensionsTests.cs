using System.Text;
using Azure.Storage.Queues;
using Moq;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>Sending and deleting through the SDK's queue client with Nurture's options and checks, on Azurite.</summary>
public sealed class QueueClientExtensionsTests : IAsyncLifetime
{
    // Base64 turns every 3 bytes into 4 characters: the largest payload that fits 64 KiB once encoded.
    private const int LargestBase64Payload = QueueLimits.MaxMessageBytes / 4 * 3;

    private readonly QueueClient _queue = StorageTestEnvironment.Account.Queues.GetQueueClient(TestNames.Queue("ext"));
    private readonly List<string> _poisoned = [];

    public async Task InitializeAsync() => await _queue.CreateIfNotExistsAsync();

    public async Task DisposeAsync()
    {
        await _queue.DeleteIfExistsAsync();
        await StorageTestEnvironment.Account.Queues.GetQueueClient(_queue.Name + UndecodableMessages.PoisonSuffix).DeleteIfExistsAsync();
    }

    [Fact]
    public async Task Text_GoesOnTheWireAsBase64OfItsUtf8Bytes()
    {
        const string text = "{\"order\":\"Zoë-🎉\"}";
        await _queue.EnqueueAsync(text);

        var raw = new QueueClient(StorageTestEnvironment.ConnectionString, _queue.Name);
        var peeked = Assert.Single((await raw.PeekMessagesAsync()).Value);
        var received = Assert.Single((await _queue.ReceiveMessagesAsync()).Value);

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), peeked.Body.ToString());
        Assert.Equal(text, received.MessageText);
    }

    [Fact]
    public async Task TheLargestMessageThatFits_IsAccepted_AndOneByteMoreIsRefusedBeforeSending()
    {
        var largest = new string('x', LargestBase64Payload);
        await _queue.EnqueueAsync(largest);
        var neverCalled = new Mock<QueueClient>(MockBehavior.Strict);
        neverCalled.SetupGet(q => q.Name).Returns("orders");

        var refused = await Assert.ThrowsAsync<MessageTooLargeException>(() => neverCalled.Object.EnqueueAsync(largest + "x"));

        Assert.Equal(largest, Assert.Single((await _queue.ReceiveMessagesAsync()).Value).MessageText);
        Assert.Equal(QueueLimits.MaxMessageBytes + 4, refused.EncodedBytes);
        Assert.Contains("'orders'", refused.Message);
    }

    [Fact]
    public void Size_IsCountedInUtf8BytesOnceEncoded()
    {
        Assert.Equal(4, QueueLimits.EncodedByteCount("é"));
        Assert.True(QueueLimits.Fits(new string('é', LargestBase64Payload / 2)));
        Assert.False(QueueLimits.Fits(new string('é', (LargestBase64Payload / 2) + 1)));
    }

    [Fact]
    public async Task NeverExpires_KeepsTheMessageWithoutAnExpiry()
    {
        await _queue.EnqueueAsync("forever", timeToLive: QueueLimits.NeverExpires);

        var received = Assert.Single((await _queue.ReceiveMessagesAsync()).Value);

        Assert.True(received.ExpiresOn is null || received.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100));
    }

    [Fact]
    public async Task AVisibilityDelay_HidesTheMessageUntilItPasses()
    {
        await _queue.EnqueueAsync("later", visibilityDelay: TimeSpan.FromSeconds(1));

        Assert.Empty((await _queue.ReceiveMessagesAsync()).Value);
        var received = await Poll.UntilAsync(async () => (await _queue.ReceiveMessagesAsync()).Value.SingleOrDefault(), TimeSpan.FromSeconds(10));
        Assert.Equal("later", received.MessageText);
    }

    [Fact]
    public async Task InvalidDelaysAndLifetimes_AreRefusedBeforeSending()
    {
        var neverCalled = new Mock<QueueClient>(MockBehavior.Strict).Object;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => neverCalled.EnqueueAsync("x", visibilityDelay: TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => neverCalled.EnqueueAsync("x", visibilityDelay: TimeSpan.FromDays(8), timeToLive: QueueLimits.NeverExpires));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => neverCalled.EnqueueAsync("x", visibilityDelay: TimeSpan.FromMinutes(2), timeToLive: TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => neverCalled.EnqueueAsync("x", timeToLive: TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public async Task DeleteIfCurrent_IsFalseForAStaleReceiptAndForAMessageAlreadyGone()
    {
        await _queue.EnqueueAsync("m");
        var received = Assert.Single((await _queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);
        var renewed = await _queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(30));

        Assert.False(await _queue.DeleteIfCurrentAsync(received.MessageId, received.PopReceipt));
        Assert.True(await _queue.DeleteIfCurrentAsync(received.MessageId, renewed.Value.PopReceipt));
        Assert.False(await _queue.DeleteIfCurrentAsync(received.MessageId, renewed.Value.PopReceipt));
    }

    [Fact]
    public async Task AMessageThatIsNotBase64_GoesToPoison_AndTheOthersAreStillDelivered()
    {
        var queues = new QueueServiceClient(StorageTestEnvironment.ConnectionString, StorageClientDefaults.QueueOptions((queue, id) => _poisoned.Add(queue + "/" + id)));
        var queue = queues.GetQueueClient(_queue.Name);
        var raw = new QueueClient(StorageTestEnvironment.ConnectionString, _queue.Name);
        await queue.EnqueueAsync("first");
        var bad = await raw.SendMessageAsync("this is not base64 {}");
        await queue.EnqueueAsync("second");

        var received = (await queue.ReceiveMessagesAsync(10)).Value;

        Assert.Equal(["first", "second"], received.Select(m => m.MessageText).Order(StringComparer.Ordinal));
        Assert.Equal([_queue.Name + "/" + bad.Value.MessageId], _poisoned);
        var poison = Assert.Single((await queues.GetQueueClient(_queue.Name + UndecodableMessages.PoisonSuffix).ReceiveMessagesAsync()).Value);
        Assert.Equal("this is not base64 {}", poison.MessageText);
        Assert.DoesNotContain((await raw.PeekMessagesAsync(10)).Value, m => m.MessageId == bad.Value.MessageId);
    }
}
