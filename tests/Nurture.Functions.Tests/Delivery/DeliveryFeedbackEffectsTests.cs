using System.Net;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Profiles;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Repositories;
using static Nurture.Functions.Tests.Delivery.DeliveryFeedbackTests;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>What delivery feedback says about an address or number reaching the contact: suppression on a hard bounce, an unusable number.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryFeedbackEffectsTests(DeliveryHostFixture app)
{
    [Fact]
    public async Task AHardBounce_SuppressesTheAddress_AfterASoftOneIsOnlyRecorded()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        app.SendGrid.Answer = _ => new ProviderAnswer(200);
        var view = await app.RunAsync("delivery-email-journey", contactId);
        var instanceId = view.GetProperty("instance_id").GetString()!;
        var messageId = view.GetProperty("sends")[0].GetProperty("message_id").GetString()!;
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60;

        var soft = Events(Event(email, "deferred", at, messageId, "pm-soft", ", \"response\": \"421 try again later\", \"attempt\": \"1\""));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSendGridEventsAsync(soft)).StatusCode);
        Assert.Equal(["deferred"], (await HistoryAsync(app, instanceId, 1)).Select(Status));
        Assert.False((await app.ProfileAsync(contactId)).Tags.ContainsKey(ProfileReducer.EmailBouncedTag));

        var hard = Events(Event(email, "bounce", at + 1, messageId, "pm-hard", ", \"type\": \"bounce\", \"status\": \"5.1.1\", \"reason\": \"550 5.1.1 unknown user\""));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSendGridEventsAsync(hard)).StatusCode);

        var history = await HistoryAsync(app, instanceId, 2);
        Assert.Equal(["deferred", "hardbounced"], history.Select(Status));
        await Eventually.HoldsAsync(async () => (await app.ProfileAsync(contactId)).Tags.ContainsKey(ProfileReducer.EmailBouncedTag), Deadline, "the hard bounce suppressed the address");
        Assert.True(ProfileProjection.ToJourneyContact(await app.ProfileAsync(contactId), DateTimeOffset.UtcNow, new ProfileOptions()).IsSuppressed(MessageChannel.Email));

        // Kept beyond the profile, hashed, with the bounce's time: an erasure or a re-created contact still sees it.
        var listed = await app.Ingestion.Suppression.FindAsync(IdentityKind.Email, email);
        Assert.Equal(nameof(SuppressionReason.HardBounce), listed?.Reason);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(at + 1), listed?.At);
    }

    [Fact]
    public async Task ATwilioCallbackWithOnlyTheProviderId_ReachesTheSend_AndANotMobileNumberIsMarkedUnusable()
    {
        var (contactId, _, phone) = await app.SeedShopperAsync();
        app.Twilio.Answer = ChannelSendingTests.Sent;
        var view = await app.RunAsync("delivery-sms-journey", contactId);
        var instanceId = view.GetProperty("instance_id").GetString()!;
        var sid = view.GetProperty("sends")[0].GetProperty("provider_message_id").GetString()!;
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["MessageStatus"] = "undelivered",
            ["SmsStatus"] = "undelivered",
            ["ErrorCode"] = "21614",
            ["To"] = phone,
            ["From"] = "+15550100",
            ["AccountSid"] = DeliveryHostFixture.AccountSid,
            ["ApiVersion"] = "2010-04-01",
        };

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostTwilioStatusAsync("api/webhooks/twilio/status", form)).StatusCode);

        var history = await HistoryAsync(app, instanceId, 1);
        Assert.Equal("undelivered", Status(history[0]));
        Assert.Equal("21614", history[0].GetProperty("error_code").GetString());
        await Eventually.HoldsAsync(async () => (await app.ProfileAsync(contactId)).Tags.ContainsKey(ProfileReducer.PhoneUnusableTag), Deadline, "the number was marked unusable");
    }
}
