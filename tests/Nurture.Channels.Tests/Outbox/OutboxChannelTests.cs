using Nurture.Channels.Outbox;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Model;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Channels.Tests.Outbox;

public sealed class OutboxChannelTests
{
    private static readonly OutboundMessage Email = new(
        "jm-1", MessageChannel.Email, "c-1", "ana@example.com", "shop@example.com", "Your cart", "Hi Ana", "cart-email", "abandoned_checkout", "abandoned-checkout", "email_reminder");

    [Fact]
    public async Task Send_RecordsTheRenderedMessage_OnceEvenWhenSentTwice()
    {
        var outbox = new OutboxChannel(PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix()).Tables, TimeProvider.System);
        await outbox.InitializeAsync();

        var first = await outbox.SendAsync(Email);
        var second = await outbox.SendAsync(Email with { Body = "a retry renders the same id" });

        Assert.Equal(ChannelSendStatus.Sent, first.Status);
        Assert.Equal(first.ProviderMessageId, second.ProviderMessageId);
        var record = Assert.Single(await outbox.ListAsync());
        Assert.Equal(Email, record.Message);
    }

    [Fact]
    public async Task List_FiltersByContact()
    {
        var outbox = new OutboxChannel(PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix()).Tables, TimeProvider.System);
        await outbox.InitializeAsync();
        await outbox.SendAsync(Email);
        await outbox.SendAsync(Email with { MessageId = "jm-2", ContactId = "c-2", Channel = MessageChannel.Sms, Subject = null });

        Assert.Equal(["jm-2"], (await outbox.ListAsync("c-2")).Select(r => r.Message.MessageId));
        Assert.Equal(2, (await outbox.ListAsync()).Count);
    }
}
