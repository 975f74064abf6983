using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Storage.Tests.Queues;

/// <summary>
/// Messages sent by Nurture arrive intact through the official Azure Queue Storage SDK (JavaScript), and the other
/// way round, with pop receipts usable across the two: the same wire format, on Azurite.
/// </summary>
public sealed class OfficialQueueSdkInteropTests : IAsyncLifetime
{
    private const string Script = "tests/Nurture.Storage.Tests/Queues/queues-interop.mjs";
    private const string Text = "{\"order\":\"Zoë-🎉\",\"note\":\"<b>&amp;</b> + / =\"}";
    private readonly QueueClient _queue = StorageTestEnvironment.Account.Queues.GetQueueClient(TestNames.Queue("interop"));

    public async Task InitializeAsync() => await _queue.CreateIfNotExistsAsync();

    public async Task DisposeAsync() => await _queue.DeleteIfExistsAsync();

    [Fact]
    public async Task MessageSentByNurture_IsReceivedAndDeletedByTheOfficialSdk()
    {
        await _queue.EnqueueAsync(Text);

        using var received = JsonDocument.Parse(await RunAsync("receive"));
        var message = received.RootElement;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text)), message.GetProperty("wireText").GetString());
        Assert.Equal(Text, message.GetProperty("text").GetString());
        Assert.Equal(1, message.GetProperty("dequeueCount").GetInt32());

        await RunAsync("delete", message.GetProperty("messageId").GetString()!, message.GetProperty("popReceipt").GetString()!);
        Assert.Equal(0, (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task MessageSentByTheOfficialSdk_IsReceivedAndDeletedByNurture()
    {
        using var sent = JsonDocument.Parse(await RunAsync("send", Convert.ToBase64String(Encoding.UTF8.GetBytes(Text))));

        var message = Assert.Single((await _queue.ReceiveMessagesAsync()).Value);

        Assert.Equal(sent.RootElement.GetProperty("messageId").GetString(), message.MessageId);
        Assert.Equal(Text, message.MessageText);
        Assert.True(await _queue.DeleteIfCurrentAsync(message.MessageId, message.PopReceipt));
    }

    [Fact]
    public async Task PopReceiptFromTheOfficialSdk_DeletesThroughNurture()
    {
        await _queue.EnqueueAsync(Text);
        using var received = JsonDocument.Parse(await RunAsync("receive"));
        var message = received.RootElement;

        Assert.True(await _queue.DeleteIfCurrentAsync(message.GetProperty("messageId").GetString()!, message.GetProperty("popReceipt").GetString()!));
        Assert.Equal(0, (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private Task<string> RunAsync(string mode, params string[] args) =>
        NodeScript.RunAsync(Script, [mode, _queue.Name, .. args], StorageTestEnvironment.ConnectionString);
}
