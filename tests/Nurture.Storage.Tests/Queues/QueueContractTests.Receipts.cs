using Nurture.Storage.Queues;

namespace Nurture.Storage.Tests.Queues;

/// <summary>Updates, pop receipts, deletes, counts and clearing.</summary>
public abstract partial class QueueContractTests
{
    [Fact]
    public async Task UpdateVisibility_ReturnsANewPopReceipt_AndTheOldOneNoLongerDeletes()
    {
        await Queue.SendAsync("retry me");
        var received = Assert.Single(await Queue.ReceiveAsync());

        var updated = await Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero);

        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        Assert.False(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
        var visibleAgain = Assert.Single(await Queue.PeekAsync());
        Assert.Equal(received.MessageId, visibleAgain.MessageId);
        Assert.Equal(1, visibleAgain.DequeueCount);
        Assert.True(await Queue.DeleteAsync(received.MessageId, updated.PopReceipt));
        Assert.Equal(0, await Queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task UpdateContent_ReplacesTheText()
    {
        await Queue.SendAsync("first");
        var received = Assert.Single(await Queue.ReceiveAsync());

        var updated = await Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero, "second — ✓ <&>");

        var again = Assert.Single(await Queue.ReceiveAsync());
        Assert.Equal(received.MessageId, again.MessageId);
        Assert.Equal("second — ✓ <&>", again.Text);
        Assert.Equal(2, again.DequeueCount);
        Assert.NotEqual(updated.PopReceipt, again.PopReceipt);
    }

    [Fact]
    public async Task Update_WithAStaleReceipt_OrAMissingMessage_FailsLikeTheService()
    {
        await Queue.SendAsync("x");
        var received = Assert.Single(await Queue.ReceiveAsync());
        var updated = await Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(1));

        var stale = await Assert.ThrowsAsync<StorageRequestException>(() => Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero));
        Assert.Equal(400, stale.Status);
        Assert.Equal(QueueErrorCodes.PopReceiptMismatch, stale.ErrorCode);

        Assert.True(await Queue.DeleteAsync(received.MessageId, updated.PopReceipt));
        var gone = await Assert.ThrowsAsync<StorageRequestException>(() => Queue.UpdateAsync(received.MessageId, updated.PopReceipt, TimeSpan.Zero));
        Assert.True(gone.IsNotFound);
        Assert.Equal(QueueErrorCodes.MessageNotFound, gone.ErrorCode);
    }

    [Fact]
    public async Task Delete_ByPopReceipt_RemovesTheMessage_AndASecondDeleteReturnsFalse()
    {
        await Queue.SendAsync("done");
        var received = Assert.Single(await Queue.ReceiveAsync());

        Assert.True(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
        Assert.False(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
        Assert.Equal(0, await Queue.GetApproximateMessageCountAsync());
        Assert.Empty(await Queue.PeekAsync());
    }

    [Fact]
    public async Task ApproximateCount_CountsVisibleAndHiddenMessages_AndClearEmptiesTheQueue()
    {
        await Queue.SendAsync("1");
        await Queue.SendAsync("2");
        await Queue.SendAsync("3", visibilityDelay: TimeSpan.FromMinutes(5));
        var received = Assert.Single(await Queue.ReceiveAsync());

        Assert.Equal(3, await Queue.GetApproximateMessageCountAsync());
        Assert.True(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
        Assert.Equal(2, await Queue.GetApproximateMessageCountAsync());

        await Queue.ClearAsync();

        Assert.Equal(0, await Queue.GetApproximateMessageCountAsync());
        Assert.Empty(await Queue.PeekAsync());
    }
}
