using Nurture.Storage.Queues;

namespace Nurture.Storage.Tests.Queues;

/// <summary>Visibility, dequeue counts, receiving and peeking, and expiry.</summary>
public abstract partial class QueueContractTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Send_WithAVisibilityDelay_HidesTheMessageUntilTheDelayHasPassed()
    {
        var sent = await Queue.SendAsync("later", visibilityDelay: Short);

        Assert.True(sent.NextVisibleOn >= sent.InsertedOn + TimeSpan.FromSeconds(1));
        Assert.Empty(await Queue.ReceiveAsync());
        Assert.Empty(await Queue.PeekAsync());
        Assert.Equal(1, await Queue.GetApproximateMessageCountAsync());

        var received = await AfterAsync(Short, () => Queue.ReceiveAsync(), r => r.Count > 0);
        Assert.Equal(sent.MessageId, Assert.Single(received).MessageId);
        Assert.Equal(1, received[0].DequeueCount);
    }

    [Fact]
    public async Task Receive_HidesTheMessageForTheTimeout_ThenItReappearsWithAHigherDequeueCount()
    {
        var sent = await Queue.SendAsync("work");

        var first = Assert.Single(await Queue.ReceiveAsync(visibilityTimeout: Short));
        Assert.Equal(1, first.DequeueCount);
        Assert.True(first.NextVisibleOn > first.InsertedOn);
        Assert.Empty(await Queue.ReceiveAsync());
        Assert.Empty(await Queue.PeekAsync());

        var again = await AfterAsync(Short, () => Queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromMinutes(1)), r => r.Count > 0);
        var second = Assert.Single(again);
        Assert.Equal(sent.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal("work", second.Text);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);

        Assert.False(await Queue.DeleteAsync(first.MessageId, first.PopReceipt));
        Assert.True(await Queue.DeleteAsync(second.MessageId, second.PopReceipt));
    }

    [Fact]
    public async Task Receive_TakesAtMost32MessagesAtOnce()
    {
        for (var batch = 0; batch < 4; batch++)
        {
            await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Queue.SendAsync($"m{batch}-{i}")));
        }

        var first = await Queue.ReceiveAsync(32);
        var second = await Queue.ReceiveAsync(32);

        Assert.Equal(32, first.Count);
        Assert.Equal(8, second.Count);
        Assert.Equal(40, first.Concat(second).Select(m => m.MessageId).Distinct().Count());
        Assert.Empty(await Queue.ReceiveAsync(32));
    }

    [Fact]
    public async Task ConcurrentReceivers_NeverGetTheSameMessage()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Queue.SendAsync($"job {i}")));

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Queue.ReceiveAsync(5, TimeSpan.FromMinutes(1))));

        var ids = batches.SelectMany(b => b).Select(m => m.MessageId).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.All(batches.SelectMany(b => b), m => Assert.Equal(1, m.DequeueCount));
    }

    [Fact]
    public async Task Peek_ChangesNothing()
    {
        var a = await Queue.SendAsync("a");
        var b = await Queue.SendAsync("b");

        var peeked = await Queue.PeekAsync(32);
        var peekedAgain = await Queue.PeekAsync(32);

        Assert.Equal([a.MessageId, b.MessageId], peeked.Select(p => p.MessageId));
        Assert.Equal(peeked.Select(p => p.MessageId), peekedAgain.Select(p => p.MessageId));
        Assert.All(peekedAgain, p => Assert.Equal(0, p.DequeueCount));
        Assert.Equal(["a", "b"], peeked.Select(p => p.Text));

        var received = Assert.Single(await Queue.ReceiveAsync());
        Assert.Equal(a.MessageId, received.MessageId);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(b.MessageId, Assert.Single(await Queue.PeekAsync(32)).MessageId);
    }

    [Fact]
    public async Task UpdateVisibility_CanHideAReceivedMessageLonger()
    {
        await Queue.SendAsync("hold");
        var received = Assert.Single(await Queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));

        var updated = await Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.FromHours(1));

        Assert.True(updated.NextVisibleOn >= received.NextVisibleOn + TimeSpan.FromMinutes(59));
        // Probe until the first timeout is well past (the service's clock is this machine's), then it must still be hidden.
        var pastFirstTimeout = received.NextVisibleOn + Short;
        var stillHidden = await AfterAsync(Short, () => Queue.PeekAsync(), _ => DateTimeOffset.UtcNow >= pastFirstTimeout);
        Assert.Empty(stillHidden);
    }

    [Fact]
    public async Task TimeToLive_ExpiredMessagesAreGone()
    {
        var sent = await Queue.SendAsync("short-lived", timeToLive: TimeSpan.FromSeconds(1));
        await Queue.SendAsync("kept");

        Assert.NotNull(sent.ExpiresOn);
        Assert.InRange(sent.ExpiresOn!.Value - sent.InsertedOn, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5));

        var left = await AfterAsync(Short, () => Queue.PeekAsync(32), p => p.Count == 1);
        Assert.Equal("kept", Assert.Single(left).Text);
        Assert.Equal("kept", Assert.Single(await Queue.ReceiveAsync(32)).Text);
    }

    [Fact]
    public async Task TimeToLive_DefaultsToSevenDays_AndNeverExpiresIsAccepted()
    {
        var normal = await Queue.SendAsync("default");
        var forever = await Queue.SendAsync("forever", visibilityDelay: TimeSpan.FromDays(7), timeToLive: QueueLimits.NeverExpires);

        Assert.InRange(normal.ExpiresOn!.Value - normal.InsertedOn, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        Assert.Null(forever.ExpiresOn);
        Assert.True(forever.NextVisibleOn >= forever.InsertedOn + TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));

        var received = Assert.Single(await Queue.ReceiveAsync(32));
        Assert.Equal(normal.MessageId, received.MessageId);
        Assert.Equal(normal.ExpiresOn!.Value.ToUnixTimeSeconds(), received.ExpiresOn!.Value.ToUnixTimeSeconds());
        Assert.Equal(2, await Queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task NeverExpires_ComesBackWithoutAnExpiryOnReceive()
    {
        await Queue.SendAsync("forever", timeToLive: QueueLimits.NeverExpires);

        var received = Assert.Single(await Queue.ReceiveAsync());
        Assert.Null(received.ExpiresOn);
        Assert.Equal("forever", received.Text);
    }
}
