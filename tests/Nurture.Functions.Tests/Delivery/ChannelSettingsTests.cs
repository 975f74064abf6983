using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Outbox;
using Nurture.Channels.Sending;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Twilio;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>Which channel the app sends through, by setting, and the channels' settings checked at start.</summary>
public sealed class ChannelSettingsTests
{
    [Fact]
    public async Task WithoutChannelSettings_BothChannelsAreTheOutbox()
    {
        await using var host = await FunctionTestHost.StartAsync(storage: TestStorageAccounts.IsolatedAzurite());

        var router = Assert.IsType<ChannelRouter>(host.Services.GetRequiredService<IMessageChannel>());
        Assert.IsType<OutboxChannel>(router.For(MessageChannel.Email));
        Assert.IsType<OutboxChannel>(router.For(MessageChannel.Sms));
    }

    [Fact]
    public async Task ProvidersBySetting_AreTheSdkChannels_EachOneSharedInstance()
    {
        await using var host = await FunctionTestHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Channels:Email"] = "sendgrid",
                ["Channels:Sms"] = "twilio",
                ["Channels:PublicBaseUrl"] = DeliveryHostFixture.PublicBase,
                ["Channels:Unsubscribe:Secret"] = DeliveryHostFixture.UnsubscribeSecret,
                ["Channels:SendGrid:ApiKey"] = DeliveryHostFixture.SendGridKey,
                ["Channels:Twilio:AccountSid"] = DeliveryHostFixture.AccountSid,
                ["Channels:Twilio:AuthToken"] = DeliveryHostFixture.AuthToken,
                ["Channels:Twilio:FromNumber"] = "+15550100",
            },
            storage: TestStorageAccounts.IsolatedAzurite());

        var router = Assert.IsType<ChannelRouter>(host.Services.GetRequiredService<IMessageChannel>());
        Assert.IsType<SendGridChannel>(router.For(MessageChannel.Email));
        Assert.IsType<TwilioChannel>(router.For(MessageChannel.Sms));
        Assert.Same(router.For(MessageChannel.Email), host.Services.GetRequiredKeyedService<IMessageChannel>(ChannelKeys.SendGrid));
        Assert.Same(router.For(MessageChannel.Sms), host.Services.GetRequiredKeyedService<IMessageChannel>(ChannelKeys.Twilio));
    }

    [Fact]
    public async Task AProviderWithoutItsSettings_StopsTheStart_NamingEachMissingSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await FunctionTestHost.StartAsync(
                settings: new Dictionary<string, string?> { ["Channels:Email"] = "sendgrid", ["Channels:Sms"] = "twilio" },
                storage: TestStorageAccounts.IsolatedAzurite());
        });

        var message = error.ToString();
        Assert.Contains("Channels:PublicBaseUrl", message, StringComparison.Ordinal);
        Assert.Contains("Channels:SendGrid:ApiKey", message, StringComparison.Ordinal);
        Assert.Contains("Channels:Unsubscribe:Secret", message, StringComparison.Ordinal);
        Assert.Contains("Channels:Twilio:AccountSid", message, StringComparison.Ordinal);
    }
}
