using System.Text;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>
/// The Queue semantics Nurture relies on, run against the in-memory twin and the REST client on Azurite.
/// Time-dependent behaviour goes through <see cref="EventuallyAsync{T}"/>: Azurite is polled with a deadline,
/// the in-memory clock is moved.
/// </summary>
public abstract partial class QueueContractTests : IAsyncLifetime
{
    private IQueueClient? _queue;

    protected abstract IQueueService Service { get; }

    protected IQueueClient Queue => _queue ?? throw new InvalidOperationException("The queue is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _queue = Service.GetQueueClient(TestNames.Queue("contract"));
        Assert.True(await _queue.CreateIfNotExistsAsync());
    }

    public async Task DisposeAsync()
    {
        if (_queue is not null)
        {
            await _queue.DeleteIfExistsAsync();
        }
    }

    /// <summary>
    /// Returns the probe's first non-null result once at least <paramref name="after"/> has passed; fails when
    /// none comes within a deadline well past it.
    /// </summary>
    protected abstract Task<T> EventuallyAsync<T>(TimeSpan after, Func<Task<T?>> probe)
        where T : class;

    [Fact]
    public async Task CreateAndDelete_AreIdempotent_AndListed()
    {
        var queue = Service.GetQueueClient(TestNames.Queue("idem"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.Contains(queue.Name, await ToListAsync(Service.ListQueuesAsync(queue.Name[..8])));
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("<xml attr=\"1\">&amp; 'quotes'</xml>")]
    [InlineData("Zoë 🎉 日本語")]
    [InlineData("{\"json\":[1,2,3]}")]
    [InlineData(" ")]
    public async Task Message_RoundTripsExactly(string text)
    {
        var sent = await Queue.SendAsync(text);

        var received = Assert.Single(await Queue.ReceiveAsync());

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(text, received.Text);
        Assert.Equal(1, received.DequeueCount);
        Assert.True(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
        Assert.Empty(await Queue.ReceiveAsync());
    }

    [Fact]
    public async Task Receive_HidesForTheTimeout_ThenTheMessageReturnsWithAHigherDequeueCount()
    {
        await Queue.SendAsync("again");
        var first = Assert.Single(await Queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));
        Assert.Empty(await Queue.ReceiveAsync());

        var second = await EventuallyAsync(TimeSpan.FromSeconds(1), async () => (await Queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(30))).SingleOrDefault());

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
        Assert.False(await Queue.DeleteAsync(first.MessageId, first.PopReceipt));
        Assert.True(await Queue.DeleteAsync(second.MessageId, second.PopReceipt));
    }

    [Fact]
    public async Task Send_WithVisibilityDelay_StaysHiddenUntilThen()
    {
        await Queue.SendAsync("later", visibilityDelay: TimeSpan.FromSeconds(1));
        Assert.Empty(await Queue.PeekAsync());
        Assert.Equal(1, await Queue.GetApproximateMessageCountAsync());

        var message = await EventuallyAsync(TimeSpan.FromSeconds(1), async () => (await Queue.ReceiveAsync()).SingleOrDefault());

        Assert.Equal("later", message.Text);
    }

    [Fact]
    public async Task Receive_TakesAtMostThirtyTwo()
    {
        for (var i = 0; i < 40; i++)
        {
            await Queue.SendAsync($"m{i}");
        }

        var batch = await Queue.ReceiveAsync(32, TimeSpan.FromMinutes(1));
        var rest = await Queue.ReceiveAsync(32, TimeSpan.FromMinutes(1));

        Assert.Equal(32, batch.Count);
        Assert.Equal(8, rest.Count);
        Assert.Equal(40, batch.Concat(rest).Select(m => m.Text).Distinct().Count());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.ReceiveAsync(33));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.ReceiveAsync(0));
    }

    [Fact]
    public async Task Peek_ChangesNothing()
    {
        await Queue.SendAsync("look");

        var peeked = Assert.Single(await Queue.PeekAsync(5));
        var received = Assert.Single(await Queue.ReceiveAsync());

        Assert.Equal("look", peeked.Text);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task Update_ReturnsANewPopReceipt_ChangesContent_AndRetiresTheOldReceipt()
    {
        await Queue.SendAsync("v1");
        var received = Assert.Single(await Queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromMinutes(1)));

        var updated = await Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero, "v2");

        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        Assert.False(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
        var again = Assert.Single(await Queue.ReceiveAsync());
        Assert.Equal("v2", again.Text);
        Assert.Equal(2, again.DequeueCount);
        var stale = await Assert.ThrowsAnyAsync<StorageRequestException>(() => Queue.UpdateAsync(received.MessageId, updated.PopReceipt, TimeSpan.Zero));
        Assert.True(stale.Status is 400 or 404, $"status {stale.Status}");
    }

    [Fact]
    public async Task Update_VisibilityOnly_KeepsTheMessageHiddenLonger()
    {
        await Queue.SendAsync("hold");
        var received = Assert.Single(await Queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));

        var held = await Queue.UpdateAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(5));

        Assert.True(held.NextVisibleOn > received.NextVisibleOn.AddMinutes(2));
        Assert.True(await Queue.DeleteAsync(received.MessageId, held.PopReceipt));
    }

    [Fact]
    public async Task Count_AndClear()
    {
        for (var i = 0; i < 5; i++)
        {
            await Queue.SendAsync($"m{i}");
        }

        Assert.Equal(5, await Queue.GetApproximateMessageCountAsync());
        await Queue.ClearAsync();
        Assert.Equal(0, await Queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Message_PastItsTimeToLive_IsGone()
    {
        await Queue.SendAsync("short-lived", timeToLive: TimeSpan.FromSeconds(1));
        await Queue.SendAsync("marker", visibilityDelay: TimeSpan.FromSeconds(2));

        // Peeking neither hides nor renews anything: wait until the marker shows and the short-lived one is gone.
        var visible = await EventuallyAsync(TimeSpan.FromSeconds(2), async () =>
        {
            var peeked = await Queue.PeekAsync(32);
            return peeked.Any(m => m.Text == "marker") && peeked.All(m => m.Text != "short-lived") ? peeked : null;
        });

        Assert.Equal(["marker"], visible.Select(m => m.Text));
    }

    [Fact]
    public async Task NeverExpiringMessage_HasNoExpiry()
    {
        var sent = await Queue.SendAsync("forever", timeToLive: QueueLimits.NeverExpires);
        Assert.Null(sent.ExpiresOn);
        var received = Assert.Single(await Queue.ReceiveAsync());
        Assert.Null(received.ExpiresOn);
        Assert.Equal("forever", received.Text);
    }

    [Fact]
    public async Task Size_JustUnderTheLimitIsAccepted_JustOverIsRejectedBeforeSending()
    {
        // 64 KiB once base64'd: 48 KiB of UTF-8.
        var largest = new string('a', QueueLimits.MaxMessageBytes / 4 * 3);
        await Queue.SendAsync(largest);
        var received = Assert.Single(await Queue.ReceiveAsync());
        Assert.Equal(largest, received.Text);
        await Queue.DeleteAsync(received.MessageId, received.PopReceipt);

        var ex = await Assert.ThrowsAsync<MessageTooLargeException>(() => Queue.SendAsync(largest + "a"));
        Assert.True(ex.EncodedBytes > QueueLimits.MaxMessageBytes);
        Assert.Contains("65536", ex.Message);
        Assert.Equal(0, await Queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task MissingQueue_FailsWithQueueNotFound()
    {
        var missing = Service.GetQueueClient(TestNames.Queue("missing"));
        var ex = await Assert.ThrowsAnyAsync<StorageRequestException>(() => missing.SendAsync("x"));
        Assert.True(ex.IsNotFound);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("ab")]
    [InlineData("double--dash")]
    [InlineData("-leading")]
    [InlineData("under_score")]
    public void BadQueueNames_AreRejected(string name)
    {
        Assert.Throws<ArgumentException>(() => Service.GetQueueClient(name));
    }

    [Fact]
    public async Task BadArguments_AreRejectedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", visibilityDelay: TimeSpan.FromDays(8)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", visibilityDelay: TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", visibilityDelay: TimeSpan.FromHours(2), timeToLive: TimeSpan.FromHours(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue.SendAsync("x", timeToLive: TimeSpan.Zero));
        Assert.Equal(0, await Queue.GetApproximateMessageCountAsync());
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
