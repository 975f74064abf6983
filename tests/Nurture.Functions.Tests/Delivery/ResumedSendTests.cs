using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Functions.Journeys;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>
/// A send whose earlier attempt reached the provider and died before the ledger heard back (its reservation left
/// open, its lease run out): the re-run asks the provider what it already accepted before sending again.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class ResumedSendTests(DeliveryHostFixture app)
{
    private const string JourneyId = "delivery-sms-journey";

    [Fact]
    public async Task ResumedSms_ThatTwilioAlreadyAccepted_IsRecordedUnderItsSid_WithoutASecondPost()
    {
        var (contactId, _, phone) = await app.SeedShopperAsync();
        var twilio = new TwilioMessagesFake(DeliveryHostFixture.AccountSid);
        app.Twilio.Answer = twilio.Answer;
        var requestKey = "resume-" + Guid.NewGuid().ToString("N");
        var messageId = JourneyIds.MessageId(JourneyIds.InstanceId(JourneyId, contactId, requestKey), "send", 1);

        // The first attempt: reserved a while ago, handed to Twilio over the wire, never recorded.
        var firstAttempt = await FirstAttemptAsync(messageId, contactId);
        Assert.Equal(ChannelSendStatus.Sent, firstAttempt.Status);
        Assert.Equal(1, twilio.CallsByMessageId[messageId]);

        var view = await app.RunAsync(JourneyId, contactId, requestKey);

        var send = Assert.Single(view.GetProperty("sends").EnumerateArray());
        Assert.Equal("sent", send.GetProperty("status").GetString());
        Assert.Equal(firstAttempt.ProviderMessageId, send.GetProperty("provider_message_id").GetString());
        Assert.Equal(1, twilio.CallsByMessageId[messageId]);
        Assert.Single(app.Twilio.Received, r => r.Method == "POST" && ChannelSendingTests.Form(r).Get("To") == phone);
        Assert.Contains(app.Twilio.Received, r => r.Method == "GET" && r.Path.Contains(Uri.EscapeDataString(phone), StringComparison.Ordinal));
        var entry = await app.Journeys.Ledger.GetAsync(messageId);
        Assert.Equal(LedgerStatus.Sent, entry!.Status);
        Assert.Equal(2, entry.Attempts);
    }

    [Fact]
    public async Task ResumedSms_ThatTwilioNeverGot_IsSentOnce()
    {
        var (contactId, _, phone) = await app.SeedShopperAsync();
        var twilio = new TwilioMessagesFake(DeliveryHostFixture.AccountSid);
        app.Twilio.Answer = twilio.Answer;
        var requestKey = "resume-" + Guid.NewGuid().ToString("N");
        var messageId = JourneyIds.MessageId(JourneyIds.InstanceId(JourneyId, contactId, requestKey), "send", 1);
        await app.Journeys.Ledger.ReserveAsync(messageId, contactId, MessageChannel.Sms, true, DateTimeOffset.UtcNow.AddMinutes(-10));

        var view = await app.RunAsync(JourneyId, contactId, requestKey);

        Assert.Equal("sent", Assert.Single(view.GetProperty("sends").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(1, twilio.CallsByMessageId[messageId]);
        Assert.Contains(app.Twilio.Received, r => r.Method == "GET" && r.Path.Contains(Uri.EscapeDataString(phone), StringComparison.Ordinal));
    }

    private async Task<ChannelSendResult> FirstAttemptAsync(string messageId, string contactId)
    {
        await app.Journeys.Ledger.ReserveAsync(messageId, contactId, MessageChannel.Sms, true, DateTimeOffset.UtcNow.AddMinutes(-10));
        var send = new SendMessage(messageId, MessageChannel.Sms, "delivery-sms", contactId, JourneyId, 1, "send", "+15550100", null, null, true, null);
        var recipient = await app.Host.Services.GetRequiredService<IJourneyContactSource>().GetAsync(contactId);
        var composed = await app.Host.Services.GetRequiredService<MessageComposer>().ComposeAsync(send, recipient, null);
        return await app.Host.Services.GetRequiredService<IMessageChannel>().SendAsync(composed.Message!);
    }
}
