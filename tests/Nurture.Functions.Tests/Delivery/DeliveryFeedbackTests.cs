using System.Net;
using System.Text.Json;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Profiles;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>SendGrid events and Twilio status callbacks reaching each send's status history, readable with the instance.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryFeedbackTests(DeliveryHostFixture app)
{
    internal static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SendGridEvents_ReachTheSendByOurIdOrTheirs_AndOnlyHumanAttentionIsEngagement()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        var providerId = "pm" + Guid.NewGuid().ToString("N")[..14];
        app.SendGrid.Answer = r => r.Body.Contains(email, StringComparison.Ordinal)
            ? new ProviderAnswer(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = providerId })
            : new ProviderAnswer(200);
        var view = await app.RunAsync("delivery-email-journey", contactId);
        var instanceId = view.GetProperty("instance_id").GetString()!;
        var messageId = view.GetProperty("sends")[0].GetProperty("message_id").GetString()!;
        Assert.Equal(providerId, view.GetProperty("sends")[0].GetProperty("provider_message_id").GetString());
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60;

        // Delivered carries only SendGrid's id; the rest carry ours too. A privacy proxy opens it first.
        var first = Events(
            Event(email, "processed", at, messageId, providerId),
            Event(email, "delivered", at + 1, null, providerId),
            Event(email, "open", at + 2, messageId, providerId, """, "sg_machine_open": true"""));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSendGridEventsAsync(first)).StatusCode);
        var history = await HistoryAsync(app, instanceId, 3);
        Assert.Equal(["processed", "delivered", "opened"], history.Select(Status));
        Assert.True(history[2].GetProperty("machine_open").GetBoolean());
        await Eventually.HoldsAsync(async () => (await app.ProfileAsync(contactId)).RecentEventIds.Length >= 3, Deadline, "the events reached the profile");
        Assert.Null((await app.ProfileAsync(contactId)).LastActivityAt);

        var second = Events(
            Event(email, "click", at + 3, messageId, providerId, """, "url": "https://shop.example.com/cart" """),
            Event(email, "spamreport", at + 4, messageId, providerId));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSendGridEventsAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSendGridEventsAsync(first)).StatusCode);
        history = await HistoryAsync(app, instanceId, 5);
        Assert.Equal(["processed", "delivered", "opened", "clicked", "spam_reported"], history.Select(Status));
        var profile = await Eventually.ValueAsync(
            async () => await app.ProfileAsync(contactId) is { EmailConsent.Status: ConsentStatus.Denied } p ? p : null, Deadline, "the spam report withdrew consent");
        Assert.Equal("sendgrid:spamreport", profile.EmailConsent.Source);
        Assert.NotNull(profile.LastActivityAt);
        Assert.Equal(5, (await HistoryAsync(app, instanceId, 5)).Count);
    }

    [Fact]
    public async Task TwilioStatusCallbacks_BuildTheSmsHistory_WithTheErrorCode()
    {
        var (contactId, _, phone) = await app.SeedShopperAsync();
        app.Twilio.Answer = ChannelSendingTests.Sent;
        var view = await app.RunAsync("delivery-sms-journey", contactId);
        var instanceId = view.GetProperty("instance_id").GetString()!;
        var send = view.GetProperty("sends")[0];
        var messageId = send.GetProperty("message_id").GetString()!;
        var sid = send.GetProperty("provider_message_id").GetString()!;

        foreach (var (status, error) in new[] { ("sent", (string?)null), ("undelivered", "30003") })
        {
            var form = new Dictionary<string, string>
            {
                ["MessageSid"] = sid,
                ["SmsSid"] = sid,
                ["MessageStatus"] = status,
                ["SmsStatus"] = status,
                ["To"] = phone,
                ["From"] = "+15550100",
                ["AccountSid"] = DeliveryHostFixture.AccountSid,
                ["MessagingServiceSid"] = DeliveryHostFixture.ServiceSid,
                ["ApiVersion"] = "2010-04-01",
            };
            if (error is not null)
            {
                form["ErrorCode"] = error;
            }

            var response = await app.PostTwilioStatusAsync("api/webhooks/twilio/status?nurture_message_id=" + messageId, form);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var history = await HistoryAsync(app, instanceId, 2);
        Assert.Equal(["sent", "undelivered"], history.Select(Status));
        Assert.Equal("30003", history[1].GetProperty("error_code").GetString());
    }

    internal static string Status(JsonElement entry) => entry.GetProperty("status").GetString()!.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "spamreport" or "spamreported" => "spam_reported",
        var other => other,
    };

    internal static async Task<List<JsonElement>> HistoryAsync(DeliveryHostFixture app, string instanceId, int count) =>
        await Eventually.ValueAsync(
            async () =>
            {
                var history = (await app.ViewAsync(instanceId)).GetProperty("sends")[0].GetProperty("history").EnumerateArray().ToList();
                return history.Count >= count ? history : null;
            },
            Deadline,
            $"{count} status entries on the send");

    internal static string Events(params string[] events) => "[" + string.Join(",", events) + "]";

    internal static string Event(string email, string type, long timestamp, string? messageId, string providerId, string extra = "") =>
        "{" + $"\"email\":\"{email}\",\"event\":\"{type}\",\"timestamp\":{timestamp},\"sg_event_id\":\"{Guid.NewGuid():N}-{type}\",\"sg_message_id\":\"{providerId}.filter0001.16648.5515E0B88.0\""
        + (messageId is null ? string.Empty : $",\"nurture_message_id\":\"{messageId}\"") + extra + "}";
}
