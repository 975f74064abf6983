using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Functions.Journeys;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>The shop's SMS opt-out line: on the wire where the shop's policy asks for it, and counted in the segments.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class SmsOptOutTests(DeliveryHostFixture app)
{
    private const string Rendered = "Ana: your cart is still there.";

    [Fact]
    public async Task TheFirstSmsToAContactCarriesTheOptOutLine_ALaterOneDoesNot_AsExactlyThisTwilioForm()
    {
        var (newContact, _, newPhone) = await app.SeedShopperAsync();
        var (textedBefore, _, textedPhone) = await app.SeedShopperAsync();
        await SentLongAgoAsync(textedBefore);
        app.Twilio.Answer = new TwilioMessagesFake(DeliveryHostFixture.AccountSid).Answer;

        var first = SentMessageId(await app.RunAsync("delivery-sms-journey", newContact));
        var later = SentMessageId(await app.RunAsync("delivery-sms-journey", textedBefore));

        Assert.Equal(Form(newPhone, Rendered + "\nReply STOP to opt out", first), Fields(Assert.Single(app.Twilio.Received, r => r.Method == "POST" && ChannelSendingTests.Form(r).Get("To") == newPhone)));
        Assert.Equal(Form(textedPhone, Rendered, later), Fields(Assert.Single(app.Twilio.Received, r => r.Method == "POST" && ChannelSendingTests.Form(r).Get("To") == textedPhone)));
    }

    [Fact]
    public async Task AShopThatAsksForItOnEveryMarketingSms_GetsItsOwnLine_AndTheSegmentsCountIt()
    {
        var (contactId, _, _) = await app.SeedShopperAsync();
        var composer = app.Host.Services.GetRequiredService<MessageComposer>();
        var recipient = await app.Host.Services.GetRequiredService<Storage.Journeys.IJourneyContactSource>().GetAsync(contactId);
        await SentLongAgoAsync(contactId);

        var marketing = (await composer.ComposeAsync(Send("sms-m-" + contactId, marketing: true) with { ContactId = contactId }, recipient, DeliveryHostFixture.OtherShop)).Message!;
        var transactional = (await composer.ComposeAsync(Send("sms-t-" + contactId, marketing: false) with { ContactId = contactId }, recipient, DeliveryHostFixture.OtherShop)).Message!;
        var defaultShop = (await composer.ComposeAsync(Send("sms-d-" + contactId, marketing: true) with { ContactId = contactId }, recipient, null)).Message!;

        Assert.True(marketing.AppendSmsOptOut);
        Assert.Equal("Text STOP to end", marketing.SmsOptOutText);
        Assert.False(transactional.AppendSmsOptOut);
        Assert.False(defaultShop.AppendSmsOptOut);

        // 150 GSM-7 characters fit one segment; with the shop's line on its own line they need two.
        var twilio = new TwilioMessagesFake(DeliveryHostFixture.AccountSid);
        app.Twilio.Answer = twilio.Answer;
        var channel = app.Host.Services.GetRequiredService<IMessageChannel>();
        var result = await channel.SendAsync(marketing with { Body = new string('a', 150) });
        Assert.Equal(ChannelSendStatus.Sent, result.Status);
        Assert.Equal(2, result.Segments);
        Assert.Equal(SmsEncoding.Gsm7, result.Encoding);
        Assert.Equal(new string('a', 150) + "\nText STOP to end", twilio.Messages.Single(m => m.MessageId == marketing.MessageId).Body);
    }

    /// <summary>An SMS the ledger sent the contact a month ago (outside every frequency cap).</summary>
    private async Task SentLongAgoAsync(string contactId)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        var messageId = "sms-earlier-" + contactId;
        await app.Journeys.Ledger.ReserveAsync(messageId, contactId, MessageChannel.Sms, true, at);
        await app.Journeys.Ledger.MarkSentAsync(messageId, "SM-earlier", at);
    }

    private static SendMessage Send(string messageId, bool marketing) =>
        new(messageId, MessageChannel.Sms, "delivery-sms", "c", "delivery-sms-journey", 1, "send", null, null, null, marketing, null);

    private static string SentMessageId(System.Text.Json.JsonElement view)
    {
        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        Assert.Equal("sent", send.GetProperty("status").GetString());
        return send.GetProperty("message_id").GetString()!;
    }

    private static SortedDictionary<string, string> Form(string to, string body, string messageId) => new(StringComparer.Ordinal)
    {
        ["To"] = to,
        ["Body"] = body,
        ["MessagingServiceSid"] = DeliveryHostFixture.ServiceSid,
        ["StatusCallback"] = DeliveryHostFixture.PublicBase + "/api/webhooks/twilio/status?nurture_message_id=" + messageId,
    };

    private static SortedDictionary<string, string> Fields(ReceivedRequest request)
    {
        var form = ChannelSendingTests.Form(request);
        return new(form.AllKeys.ToDictionary(k => k!, k => form.Get(k)!), StringComparer.Ordinal);
    }
}
