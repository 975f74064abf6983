using System.Text;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;
using Nurture.Storage.Rest;
using Nurture.Storage.Tests.Pipeline;

namespace Nurture.Storage.Tests.Queues;

/// <summary>What the REST queue client puts on the wire and how it reads answers, on a scripted transport.</summary>
public sealed class RestQueueWireTests
{
    private const string MessageId = "5c7e6a0e-8f1b-4d7a-9a49-0a1b2c3d4e5f";

    [Fact]
    public async Task Send_OverTheLimit_SendsNothing()
    {
        var transport = new ScriptedTransport(new ScriptedResponse(201, MessagesList("AQ==")));
        var queue = CreateQueue(transport);

        await Assert.ThrowsAsync<MessageTooLargeException>(() => queue.SendAsync(new string('x', (QueueLimits.MaxMessageBytes / 4 * 3) + 1)));

        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task Send_PassesDelayAndNeverExpiringTtl_AndSignsWithSharedKey()
    {
        var transport = new ScriptedTransport(new ScriptedResponse(201, MessagesList(text: null, expiration: "Fri, 31 Dec 9999 23:59:59 GMT")));
        var queue = CreateQueue(transport);

        var receipt = await queue.SendAsync("hello", TimeSpan.FromSeconds(5.9), QueueLimits.NeverExpires);

        var sent = Assert.Single(transport.Sent);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/devstoreaccount1/orders/messages", sent.Uri.AbsolutePath);
        Assert.Equal("?visibilitytimeout=5&messagettl=-1", sent.Uri.Query);
        Assert.StartsWith("SharedKey devstoreaccount1:", sent.Headers["Authorization"]);
        Assert.Equal(MessageId, receipt.MessageId);
        Assert.Equal("AgAAAAMAAAAAAAAA+xyZ/w==", receipt.PopReceipt);
        Assert.Null(receipt.ExpiresOn);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 30, 5, TimeSpan.Zero), receipt.NextVisibleOn);
    }

    [Fact]
    public async Task Receive_ReadsAnAnswerThatStartsWithAByteOrderMark()
    {
        var body = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" + MessagesList(Convert.ToBase64String(Encoding.UTF8.GetBytes("Grüße ✓")), dequeueCount: 3);
        var transport = new ScriptedTransport(new ScriptedResponse(200, body));
        var queue = CreateQueue(transport);

        var message = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromSeconds(45)));

        Assert.Equal("?numofmessages=32&visibilitytimeout=45", transport.Sent[0].Uri.Query);
        Assert.Equal("Grüße ✓", message.Text);
        Assert.Equal(3, message.DequeueCount);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero), message.InsertedOn);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.Zero), message.ExpiresOn);
        Assert.Equal("AgAAAAMAAAAAAAAA+xyZ/w==", message.PopReceipt);
    }

    [Fact]
    public async Task DeleteAndUpdate_PercentEncodeThePopReceipt()
    {
        var transport = new ScriptedTransport(
            new ScriptedResponse(204, HeaderValues: new() { ["x-ms-popreceipt"] = "new+receipt/==", ["x-ms-time-next-visible"] = "Mon, 23 Nov 2026 07:31:00 GMT" }),
            new ScriptedResponse(204));
        var queue = CreateQueue(transport);

        var updated = await queue.UpdateAsync(MessageId, "AgAA+b/c==", TimeSpan.FromMinutes(1));
        Assert.True(await queue.DeleteAsync(MessageId, updated.PopReceipt));

        Assert.Equal("PUT", transport.Sent[0].Method);
        Assert.Equal("?popreceipt=AgAA%2Bb%2Fc%3D%3D&visibilitytimeout=60", transport.Sent[0].Uri.Query);
        Assert.Equal("new+receipt/==", updated.PopReceipt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 31, 0, TimeSpan.Zero), updated.NextVisibleOn);
        Assert.Equal("DELETE", transport.Sent[1].Method);
        Assert.Equal("/devstoreaccount1/orders/messages/" + MessageId, transport.Sent[1].Uri.AbsolutePath);
        Assert.Equal("?popreceipt=new%2Breceipt%2F%3D%3D", transport.Sent[1].Uri.Query);
    }

    [Theory]
    [InlineData(404, "MessageNotFound")]
    [InlineData(400, "PopReceiptMismatch")]
    public async Task Delete_OfAGoneMessageOrStaleReceipt_ReturnsFalse(int status, string code)
    {
        var queue = CreateQueue(new ScriptedTransport(ErrorResponse(status, code)));

        Assert.False(await queue.DeleteAsync(MessageId, "receipt"));
    }

    [Theory]
    [InlineData(404, "QueueNotFound")]
    [InlineData(400, "InvalidQueryParameterValue")]
    [InlineData(403, "AuthenticationFailed")]
    public async Task Delete_OtherFailures_Throw(int status, string code)
    {
        var queue = CreateQueue(new ScriptedTransport(ErrorResponse(status, code)));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => queue.DeleteAsync(MessageId, "receipt"));

        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
    }

    [Fact]
    public async Task ListQueues_FollowsNextMarker()
    {
        var transport = new ScriptedTransport(
            new ScriptedResponse(200, "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"x\"><Prefix>ord</Prefix><MaxResults>2</MaxResults><Queues><Queue><Name>orders-a</Name></Queue><Queue><Name>orders-b</Name></Queue></Queues><NextMarker>orders-c</NextMarker></EnumerationResults>"),
            new ScriptedResponse(200, "<EnumerationResults><Queues><Queue><Name>orders-c</Name></Queue></Queues><NextMarker /></EnumerationResults>"));
        var service = new RestQueueService(StorageConnection.Development(), Options(transport));

        var names = new List<string>();
        await foreach (var name in service.ListQueuesAsync("ord"))
        {
            names.Add(name);
        }

        Assert.Equal(["orders-a", "orders-b", "orders-c"], names);
        Assert.Equal("?comp=list&prefix=ord", transport.Sent[0].Uri.Query);
        Assert.Equal("?comp=list&prefix=ord&marker=orders-c", transport.Sent[1].Uri.Query);
    }

    private static IQueueClient CreateQueue(ScriptedTransport transport) =>
        new RestQueueService(StorageConnection.Development(), Options(transport)).GetQueueClient("orders");

    private static StorageClientOptions Options(ScriptedTransport transport)
    {
        var options = new StorageClientOptions { Transport = transport };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(2);
        return options;
    }

    private static ScriptedResponse ErrorResponse(int status, string code) =>
        new(status, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>scripted</Message></Error>", new() { ["x-ms-error-code"] = code });

    private static string MessagesList(string? text, string expiration = "Mon, 30 Nov 2026 07:30:00 GMT", int dequeueCount = 1) =>
        "<QueueMessagesList><QueueMessage>" +
        $"<MessageId>{MessageId}</MessageId>" +
        "<InsertionTime>Mon, 23 Nov 2026 07:30:00 GMT</InsertionTime>" +
        $"<ExpirationTime>{expiration}</ExpirationTime>" +
        "<PopReceipt>AgAAAAMAAAAAAAAA+xyZ/w==</PopReceipt>" +
        "<TimeNextVisible>Mon, 23 Nov 2026 07:30:05 GMT</TimeNextVisible>" +
        $"<DequeueCount>{dequeueCount}</DequeueCount>" +
        (text is null ? string.Empty : $"<MessageText>{text}</MessageText>") +
        "</QueueMessage></QueueMessagesList>";
}
