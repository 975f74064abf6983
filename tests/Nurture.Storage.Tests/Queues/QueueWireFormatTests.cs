using System.Text;
using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Queues;

/// <summary>What the Functions queue trigger will see on the wire: base64 of the UTF-8 text.</summary>
public sealed class QueueWireFormatTests : IAsyncLifetime
{
    private readonly IQueueClient _base64 = new RestQueueService(StorageTestEnvironment.Connection).GetQueueClient(TestNames.Queue("wire"));
    private IQueueClient _raw = null!;

    public async Task InitializeAsync()
    {
        await _base64.CreateIfNotExistsAsync();
        _raw = new RestQueueService(StorageTestEnvironment.Connection, new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(_base64.Name);
    }

    public Task DisposeAsync() => _base64.DeleteIfExistsAsync();

    [Fact]
    public async Task DefaultEncoding_PutsBase64OfUtf8OnTheWire()
    {
        await _base64.SendAsync("{\"orderId\":\"Zoë-🎉\"}");

        var onTheWire = Assert.Single(await _raw.ReceiveAsync());

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"orderId\":\"Zoë-🎉\"}")), onTheWire.Text);
    }

    [Fact]
    public async Task RawEncoding_EscapesXmlAndRoundTrips()
    {
        await _raw.SendAsync("<a>&</a>");
        Assert.Equal("<a>&</a>", Assert.Single(await _raw.ReceiveAsync()).Text);
    }
}
