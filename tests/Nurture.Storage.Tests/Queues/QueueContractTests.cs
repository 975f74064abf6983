using System.Text;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>
/// The Queue semantics Nurture relies on, run against every implementation (the in-memory twin and the REST
/// client on Azurite) so the twin cannot drift from the service. Round trips and encoding are here; visibility,
/// receipts and expiry, and limits and failures are in the partial files beside this one.
/// </summary>
public abstract partial class QueueContractTests : IAsyncLifetime
{
    private IQueueService? _service;
    private IQueueClient? _queue;

    /// <summary>The default (base64) service under test.</summary>
    protected IQueueService Service => _service ??= CreateService(QueueMessageEncoding.Base64);

    /// <summary>A fresh queue for the test, on <see cref="Service"/>.</summary>
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

    [Fact]
    public async Task CreateAndDelete_AreIdempotent_AndTheQueueIsListedByPrefix()
    {
        var queue = Service.GetQueueClient(TestNames.Queue("idem"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        Assert.False(await queue.CreateIfNotExistsAsync());

        var listed = await ToListAsync(Service.ListQueuesAsync(queue.Name[..12]));
        Assert.Equal([queue.Name], listed);
        Assert.Contains(queue.Name, await ToListAsync(Service.ListQueuesAsync()));

        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
        Assert.DoesNotContain(queue.Name, await ToListAsync(Service.ListQueuesAsync(queue.Name[..12])));
    }

    [Theory]
    [InlineData("Zoë ordered 3 × 🎉 — 日本語のテキスト", QueueMessageEncoding.Base64)]
    [InlineData("Zoë ordered 3 × 🎉 — 日本語のテキスト", QueueMessageEncoding.None)]
    [InlineData("<order id=\"1\">&amp; 'quoted' ]]> </order>", QueueMessageEncoding.Base64)]
    [InlineData("<order id=\"1\">&amp; 'quoted' ]]> </order>", QueueMessageEncoding.None)]
    [InlineData("{\"type\":\"order.placed\",\"total\":12.5}", QueueMessageEncoding.None)]
    [InlineData(" ", QueueMessageEncoding.Base64)]
    [InlineData(" ", QueueMessageEncoding.None)]
    [InlineData("  padded  ", QueueMessageEncoding.None)]
    [InlineData("crlf\r\nline", QueueMessageEncoding.None)]
    [InlineData("crlf\r\nline", QueueMessageEncoding.Base64)]
    [InlineData("\n", QueueMessageEncoding.None)]
    [InlineData("line one\nline two\ttabbed", QueueMessageEncoding.Base64)]
    [InlineData("line one\nline two\ttabbed", QueueMessageEncoding.None)]
    public async Task SendAndReceive_RoundTripsTheTextExactly(string text, QueueMessageEncoding encoding)
    {
        var queue = CreateService(encoding).GetQueueClient(Queue.Name);
        var sent = await queue.SendAsync(text);

        var received = Assert.Single(await queue.ReceiveAsync());

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(text, received.Text);
        Assert.Equal(1, received.DequeueCount);
    }

    [Theory]
    [InlineData(QueueMessageEncoding.Base64)]
    [InlineData(QueueMessageEncoding.None)]
    public async Task EmptyText_IsAcceptedAndComesBackEmpty(QueueMessageEncoding encoding)
    {
        var queue = CreateService(encoding).GetQueueClient(Queue.Name);
        await queue.SendAsync(string.Empty);

        var received = Assert.Single(await queue.ReceiveAsync());

        Assert.Equal(string.Empty, received.Text);
    }

    [Fact]
    public async Task Base64Client_PutsBase64OfTheUtf8BytesOnTheWire()
    {
        const string text = "Grüße, <b>Zoë</b> 🎉";
        await Queue.SendAsync(text);

        var raw = CreateService(QueueMessageEncoding.None).GetQueueClient(Queue.Name);
        var peeked = Assert.Single(await raw.PeekAsync());

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), peeked.Text);
    }

    [Fact]
    public async Task Base64Client_ReturnsTextThatIsNotBase64Unchanged()
    {
        var raw = CreateService(QueueMessageEncoding.None).GetQueueClient(Queue.Name);
        await raw.SendAsync("plain text, not base64!");

        var received = Assert.Single(await Queue.ReceiveAsync());

        Assert.Equal("plain text, not base64!", received.Text);
        Assert.True(await Queue.DeleteAsync(received.MessageId, received.PopReceipt));
    }

    /// <summary>A service over the same account whose clients use <paramref name="encoding"/>.</summary>
    protected abstract IQueueService CreateService(QueueMessageEncoding encoding);

    /// <summary>
    /// Lets <paramref name="duration"/> pass, then returns what <paramref name="probe"/> finds. In memory the clock
    /// advances and one probe runs; against a real service the probe repeats until <paramref name="done"/> holds or
    /// a deadline well past the duration. The caller asserts on the result, so a miss fails the test.
    /// </summary>
    protected abstract Task<T> AfterAsync<T>(TimeSpan duration, Func<Task<T>> probe, Func<T, bool> done);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
