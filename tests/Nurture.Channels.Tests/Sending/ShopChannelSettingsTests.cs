using Microsoft.Extensions.Configuration;
using Nurture.Channels.Sending;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Shops;
using Nurture.Channels.Sending.Twilio;
using Nurture.Channels.Tests.Infrastructure;

namespace Nurture.Channels.Tests.Sending;

public sealed class ShopChannelSettingsTests
{
    private static readonly ChannelOptions Options = Bind(new()
    {
        ["Channels:Shops:default:EmailFrom"] = "hello@example.com",
        ["Channels:Shops:default:EmailFromName"] = "Example",
        ["Channels:Shops:default:ReplyTo"] = "care@example.com",
        ["Channels:Shops:Candles.myshopify.com:EmailFrom"] = "news@candles.example",
        ["Channels:Shops:Candles.myshopify.com:SmsOptOut"] = "EveryMarketing",
        ["Channels:Shops:Soap.Example:EmailFromName"] = "Soap",
    });

    [Fact]
    public void ForShop_TakesTheShopsEntryOverTheDefault_FieldByField()
    {
        var candles = Options.ForShop("candles.myshopify.com");

        Assert.Equal("news@candles.example", candles.EmailFrom);
        Assert.Equal("Example", candles.EmailFromName);
        Assert.Equal("care@example.com", candles.ReplyTo);
        Assert.Equal(SmsOptOutPolicy.EveryMarketing, candles.SmsOptOut);
    }

    [Theory]
    [InlineData("soap.example")]
    [InlineData("https://soap.example")]
    [InlineData(" SOAP.example/ ")]
    public void ForShop_FindsAShopByItsDomain_WhateverFormTheEventCarries(string shop)
    {
        var soap = Options.ForShop(shop);

        Assert.Equal("Soap", soap.EmailFromName);
        Assert.Equal("hello@example.com", soap.EmailFrom);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown.myshopify.com")]
    public void ForShop_WithoutAnEntry_IsTheDefault(string? shop)
    {
        var settings = Options.ForShop(shop);

        Assert.Equal("hello@example.com", settings.EmailFrom);
        Assert.Null(settings.SmsOptOut);
    }

    [Fact]
    public void ForShop_WithNoShopsConfigured_IsEmpty()
    {
        var settings = new ChannelOptions().ForShop("candles.myshopify.com");

        Assert.Null(settings.EmailFrom);
        Assert.Null(settings.ReplyTo);
    }

    [Fact]
    public void SmsBody_UsesTheShopsOwnLine_OverTheChannelsLine()
    {
        var message = Messages.Sms(optOut: true) with { Body = "Your cart misses you", SmsOptOutText = "Text STOP to end" };

        Assert.Equal("Your cart misses you\nText STOP to end", SmsBody.Compose(message, TwilioOptions.DefaultOptOutText));
        Assert.Equal("Your cart misses you\nReply STOP to opt out", SmsBody.Compose(message with { SmsOptOutText = null }, TwilioOptions.DefaultOptOutText));
        Assert.Equal("Your cart misses you", SmsBody.Compose(message with { AppendSmsOptOut = false }, TwilioOptions.DefaultOptOutText));
    }

    [Theory]
    [InlineData("d-0123456789abcdef0123456789abcdef", true)]
    [InlineData("d-0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("d-welcome", false)]
    [InlineData("welcome", false)]
    [InlineData(null, false)]
    public void DynamicTemplateIds_AreSendGridsForm(string? id, bool dynamic) =>
        Assert.Equal(dynamic, SendGridTemplates.IsDynamicTemplateId(id));

    private static ChannelOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new ChannelOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ChannelOptions.SectionName).Bind(options);
        return options;
    }
}
