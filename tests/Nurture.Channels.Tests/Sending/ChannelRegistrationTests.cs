using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using Nurture.Channels.Sending;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Twilio;
using Nurture.Channels.Tests.Infrastructure;

namespace Nurture.Channels.Tests.Sending;

public sealed class ChannelRegistrationTests
{
    [Fact]
    public void AddNurtureChannels_WithNoSettings_StartsOnTheOutboxAndRoutesBothChannelsThere()
    {
        var outbox = new Mock<IMessageChannel>();
        outbox.Setup(o => o.SendAsync(It.IsAny<OutboundMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(ChannelSendResult.Sent("outbox-1"));
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddNurtureChannels(configuration);
        services.AddKeyedSingleton(ChannelKeys.Outbox, outbox.Object);
        using var provider = services.BuildServiceProvider();

        ChannelServices.ValidateOnStart(provider);
        var router = provider.GetRequiredService<IMessageChannel>();

        Assert.IsType<ChannelRouter>(router);
        Assert.Same(outbox.Object, ((ChannelRouter)router).For(Core.Journeys.Model.MessageChannel.Email));
        Assert.Same(outbox.Object, ((ChannelRouter)router).For(Core.Journeys.Model.MessageChannel.Sms));
    }

    [Fact]
    public void AddNurtureChannels_WithProviders_RoutesToOneSharedInstanceEach()
    {
        using var provider = ChannelServices.Build(ChannelServices.Settings());
        ChannelServices.ValidateOnStart(provider);
        var router = provider.GetRequiredService<ChannelRouter>();

        Assert.IsType<SendGridChannel>(router.For(Core.Journeys.Model.MessageChannel.Email));
        Assert.IsType<TwilioChannel>(router.For(Core.Journeys.Model.MessageChannel.Sms));
        Assert.Same(ChannelServices.SendGrid(provider), ChannelServices.SendGrid(provider));
        Assert.Same(router.For(Core.Journeys.Model.MessageChannel.Sms), ChannelServices.Twilio(provider));
    }

    [Fact]
    public void Router_WhenTheOutboxIsSelectedButNotRegistered_SaysWhatToRegister()
    {
        using var provider = ChannelServices.Build(ChannelServices.Settings(null, ("Channels:Sms", "Outbox")));

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ChannelRouter>().For(Core.Journeys.Model.MessageChannel.Sms));

        Assert.Contains("ChannelKeys.Outbox", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Channels:SendGrid:ApiKey", null, "Channels:SendGrid:ApiKey is required")]
    [InlineData("Channels:PublicBaseUrl", null, "Channels:PublicBaseUrl is required")]
    [InlineData("Channels:PublicBaseUrl", "http://nurture.example.com", "Channels:PublicBaseUrl must use https")]
    [InlineData("Channels:Unsubscribe:Secret", "short", "Channels:Unsubscribe:Secret must be at least 32 bytes")]
    [InlineData("Channels:Unsubscribe:Secret", null, "Channels:Unsubscribe:Secret is required")]
    [InlineData("Channels:Twilio:AccountSid", "AC123", "Channels:Twilio:AccountSid is required")]
    [InlineData("Channels:Twilio:AuthToken", null, "Channels:Twilio:AuthToken is required")]
    [InlineData("Channels:Twilio:MessagingServiceSid", null, "Channels:Twilio:MessagingServiceSid or Channels:Twilio:FromNumber is required")]
    [InlineData("Channels:Twilio:FromNumber", "0613555", "Channels:Twilio:FromNumber must be an E.164 number")]
    [InlineData("Channels:SendGrid:Retry:MaxServerDelay", "00:01:00", "Channels:SendGrid:Retry:MaxServerDelay")]
    [InlineData("Channels:Twilio:Retry:MaxRetries", "11", "Channels:Twilio:Retry:MaxRetries must be between 0 and 10")]
    [InlineData("Channels:Twilio:BaseUrl", "https://api.example.com/v1", "Channels:Twilio:BaseUrl must be an absolute http(s) URL without a path")]
    [InlineData("Channels:Shops:default:EmailFrom", "Shop <hello@example.com>", "Channels:Shops:default:EmailFrom must be a plain email address")]
    [InlineData("Channels:Shops:candles.myshopify.com:ReplyTo", "care", "Channels:Shops:candles.myshopify.com:ReplyTo must be a plain email address")]
    [InlineData("Channels:Shops:default:SmsOptOutText", " ", "Channels:Shops:default:SmsOptOutText must be 1 to 100 characters")]
    public void ValidateOnStart_NamesTheSettingToFix(string key, string? value, string expected)
    {
        using var provider = ChannelServices.Build(ChannelServices.Settings(null, (key, value)));

        var error = Assert.Throws<OptionsValidationException>(() => ChannelServices.ValidateOnStart(provider));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_WithAnUnknownProvider_NamesTheSetting()
    {
        using var provider = ChannelServices.Build(ChannelServices.Settings(null, ("Channels:Email", "Mailgun")));

        var error = Assert.ThrowsAny<InvalidOperationException>(() => ChannelServices.ValidateOnStart(provider));

        Assert.Contains("Channels:Email", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_DoesNotAskForProviderSettingsWhileTheOutboxIsUsed()
    {
        var settings = new Dictionary<string, string?> { ["Channels:Twilio:AccountSid"] = "not checked", ["Channels:SendGrid:ApiKey"] = null };
        using var provider = ChannelServices.Build(settings);

        ChannelServices.ValidateOnStart(provider);

        Assert.Equal(EmailProvider.Outbox, provider.GetRequiredService<IOptions<ChannelOptions>>().Value.Email);
    }
}
