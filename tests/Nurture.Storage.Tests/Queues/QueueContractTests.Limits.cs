using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>The 64 KiB limit, argument checks and operations on a queue that does not exist.</summary>
public abstract partial class QueueContractTests
{
    // 49,152 bytes are exactly 65,536 characters of base64.
    private const int LargestBase64Payload = QueueLimits.MaxMessageBytes / 4 * 3;

    [Fact]
    public async Task Base64Text_UpTo64KiBOnceEncoded_IsAccepted_AndOneByteMoreIsRejectedBeforeSending()
    {
        var largest = new string('x', LargestBase64Payload);
        await Queue.SendAsync(largest);

        var tooLarge = await Assert.ThrowsAsync<MessageTooLargeException>(() => Queue.SendAsync(largest + "x"));

        Assert.Equal(QueueLimits.MaxMessageBytes + 4, tooLarge.EncodedBytes);
        Assert.Equal(Queue.Name, tooLarge.QueueName);
        Assert.Equal(1, await Queue.GetApproximateMessageCountAsync());
        Assert.Equal(largest, Assert.Single(await Queue.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task RawText_IsMeasuredInUtf8Bytes()
    {
        var raw = CreateService(QueueMessageEncoding.None).GetQueueClient(Queue.Name);
        var largest = new string('x', QueueLimits.MaxMessageBytes - 2) + "é";
        await raw.SendAsync(largest);

        var tooLarge = await Assert.ThrowsAsync<MessageTooLargeException>(() => raw.SendAsync(new string('é', (QueueLimits.MaxMessageBytes / 2) + 1)));

        Assert.Equal(QueueLimits.MaxMessageBytes + 2, tooLarge.EncodedBytes);
        Assert.Equal(1, await raw.GetApproximateMessageCountAsync());
        Assert.Equal(largest, Assert.Single(await raw.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task Update_WithTextOver64KiB_IsRejectedBeforeSending()
    {
        await Queue.SendAsync("small");
        var received = Assert.Single(await Queue.ReceiveAsync());

        await Assert.ThrowsAsync<MessageTooLargeException>(() => Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero, new string('x', LargestBase64Payload + 1)));

        Assert.True(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Orders")]
    [InlineData("orders_inbound")]
    [InlineData("orders--inbound")]
    [InlineData("-orders")]
    [InlineData("orders-")]
    [InlineData("")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void InvalidQueueNames_AreRejected(string name)
    {
        Assert.Throws<ArgumentException>(() => Service.GetQueueClient(name));
    }

    [Fact]
    public void ValidQueueNames_AreAccepted()
    {
        Assert.Equal("abc", Service.GetQueueClient("abc").Name);
        Assert.Equal("events-inbound-2", Service.GetQueueClient("events-inbound-2").Name);
        Assert.Equal(63, Service.GetQueueClient(new string('q', 63)).Name.Length);
    }

    [Fact]
    public async Task InvalidArguments_AreRejectedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Queue.SendAsync(null!));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", visibilityDelay: TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", visibilityDelay: TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1), timeToLive: QueueLimits.NeverExpires));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", visibilityDelay: TimeSpan.FromSeconds(10), timeToLive: TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", timeToLive: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", timeToLive: TimeSpan.FromSeconds(-5)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", timeToLive: TimeSpan.MaxValue));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.ReceiveAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.ReceiveAsync(33));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.ReceiveAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.ReceiveAsync(1, TimeSpan.FromDays(8)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.PeekAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.PeekAsync(33));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.UpdateAsync("id", "receipt", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.UpdateAsync("id", "receipt", TimeSpan.FromDays(8)));
        await Assert.ThrowsAsync<ArgumentException>(() => Queue.UpdateAsync("", "receipt", TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentException>(() => Queue.DeleteAsync("id", ""));
        var raw = CreateService(QueueMessageEncoding.None).GetQueueClient(Queue.Name);
        await Assert.ThrowsAsync<ArgumentException>(() => raw.SendAsync("bell \u0007 is not XML"));

        Assert.Equal(0, await Queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task OperationsOnAMissingQueue_FailWithQueueNotFound()
    {
        var missing = Service.GetQueueClient(TestNames.Queue("missing"));
        var operations = new Func<Task>[]
        {
            () => missing.SendAsync("x"),
            () => missing.ReceiveAsync(),
            () => missing.PeekAsync(),
            () => missing.UpdateAsync(Guid.NewGuid().ToString(), "receipt", TimeSpan.Zero),
            () => missing.DeleteAsync(Guid.NewGuid().ToString(), "receipt"),
            () => missing.GetApproximateMessageCountAsync(),
            () => missing.ClearAsync(),
        };

        foreach (var operation in operations)
        {
            var ex = await Assert.ThrowsAsync<StorageRequestException>(operation);
            Assert.True(ex.IsNotFound);
            Assert.Equal(QueueErrorCodes.QueueNotFound, ex.ErrorCode);
        }
    }
}
