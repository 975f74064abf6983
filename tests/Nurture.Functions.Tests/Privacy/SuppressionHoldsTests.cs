using System.Net;
using System.Text.Json;
using Nurture.Channels.Feedback;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Profiles;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Tests.Privacy;

/// <summary>
/// Issue 12 item 5: a suppressed identity stays unmessageable until a fresh explicit opt-in dated after the
/// suppression, whatever webhook arrives later; through the real host, queues, Durable engine and a SendGrid fake.
/// </summary>
[Collection(PrivacyCollection.Name)]
public sealed class SuppressionHoldsTests(PrivacyHostFixture app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnErasedContact_RecreatedByACustomerUpdate_IsNotEmailed_UntilAFreshExplicitOptIn()
    {
        var shopper = Shopper.Unique();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-30);
        await app.PostShopifyAsync("orders/create", PrivacyPayloads.Order(shopper, 5001, longAgo, true, ("subscribed", longAgo), null));
        await app.WaitForContactAsync(shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        await app.QuietAsync();
        using (var erased = await app.Host.Client.DeleteAsync("api/contacts/" + Uri.EscapeDataString(shopper.Email)))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        // The shop still holds the old opt-in and sends it again with the next update of the customer.
        await app.PostShopifyAsync("customers/update", PrivacyPayloads.CustomerUpdate(shopper, DateTimeOffset.UtcNow, "subscribed", longAgo));
        var recreated = await app.WaitForContactAsync(shopper.Email, _ => true, "the contact re-created by the update");
        var contactId = recreated.GetProperty("contact_id").GetString()!;
        var profile = (await app.Ingestion.Profiles.GetAsync(contactId))!;
        Assert.Equal(ConsentStatus.Granted, profile.EmailConsent.Status);
        Assert.True(profile.EmailSuppression.IsActive);
        Assert.Equal(SuppressionReason.Erased, profile.EmailSuppression.Reason);

        var instanceId = await app.StartAsync(PrivacyHostFixture.OneSendJourney, contactId);
        var view = await app.WaitForInstanceAsync(instanceId, v => v.GetProperty("runtime_status").GetString() == "completed", "the journey to end");

        Assert.Contains("email is suppressed", view.GetProperty("timeline").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.SendGrid.Received, r => r.Body.Contains(shopper.NormalizedEmail, StringComparison.OrdinalIgnoreCase));

        // A fresh opt-in at the shop, dated after the erasure, makes the address messageable again.
        await app.PostShopifyAsync("customers/update", PrivacyPayloads.CustomerUpdate(shopper, DateTimeOffset.UtcNow.AddSeconds(1), "subscribed", DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await app.Ingestion.Profiles.GetAsync(contactId))?.EmailSuppression.IsActive == false, Deadline, "the explicit opt-in to lift the suppression");
        var again = await app.StartAsync(PrivacyHostFixture.OneSendJourney, contactId);
        await app.WaitForInstanceAsync(again, v => v.GetProperty("runtime_status").GetString() == "completed", "the second journey to end");
        Assert.Contains(app.SendGrid.Received, r => r.Body.Contains(shopper.NormalizedEmail, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnUnsubscribe_IsNotUndoneByALaterCheckoutBox_ButTheShopsOwnOptInIsExplicit()
    {
        var shopper = Shopper.Unique();
        var t0 = DateTimeOffset.UtcNow.AddDays(-10);
        await app.PostShopifyAsync("customers/update", PrivacyPayloads.CustomerUpdate(shopper, t0, "unsubscribed", t0));
        await app.WaitForContactAsync(shopper.Email, c => c.GetProperty("profile").GetProperty("email_consent").GetProperty("status").GetString() == "denied", "the unsubscribe");

        // A later order with the box ticked but no consent object of its own time: not an explicit opt-in.
        await app.PostShopifyAsync("orders/create", PrivacyPayloads.Order(shopper, 5101, t0.AddDays(2), buyerAcceptsMarketing: true, email: null, sms: null));
        var contact = await app.WaitForContactAsync(shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        var profile = (await app.Ingestion.Profiles.GetAsync(contactId))!;
        Assert.Equal("shopify:buyer_accepts_marketing", profile.EmailConsent.Source);
        Assert.Equal(t0.AddDays(2), profile.EmailConsent.At);
        Assert.Equal(ConsentStatus.Denied, ProfileProjection.ToJourneyContact(profile, DateTimeOffset.UtcNow, new ProfileOptions()).ConsentFor(MessageChannel.Email));
        var listed = await app.Ingestion.Suppression.FindAsync(IdentityKind.Email, shopper.NormalizedEmail);
        Assert.Equal(nameof(SuppressionReason.Unsubscribed), listed?.Reason);

        // The order's own consent objects update consent with their own times, and count as explicit.
        var optIn = t0.AddDays(3);
        await app.PostShopifyAsync("orders/create", PrivacyPayloads.Order(shopper, 5102, t0.AddDays(4), buyerAcceptsMarketing: false, email: ("subscribed", optIn), sms: ("subscribed", optIn.AddHours(1))));
        await app.WaitForContactAsync(shopper.Email, c => ContactsApi.OrderCount(c) == 2, "the second order");
        profile = (await app.Ingestion.Profiles.GetAsync(contactId))!;
        Assert.Equal(ConsentStatus.Granted, ProfileProjection.ToJourneyContact(profile, DateTimeOffset.UtcNow, new ProfileOptions()).ConsentFor(MessageChannel.Email));
        Assert.Equal(optIn.AddHours(1), profile.SmsConsent.At);
        Assert.Equal("shopify", profile.SmsConsent.Source);
    }

    [Fact]
    public async Task AConsentDatedInTheFuture_IsTakenAsReceivedNow_SoALaterStopWins()
    {
        var shopper = Shopper.Unique();
        var now = DateTimeOffset.UtcNow;
        await app.PostShopifyAsync("customers/update", PrivacyPayloads.CustomerUpdate(shopper, now, "not_subscribed", null, "subscribed", now.AddYears(1)));
        var contact = await app.WaitForContactAsync(shopper.Phone, c => c.GetProperty("profile").GetProperty("sms_consent").GetProperty("status").GetString() == "granted", "the SMS grant");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        Assert.True((await app.Ingestion.Profiles.GetAsync(contactId))!.SmsConsent.At < DateTimeOffset.UtcNow.AddMinutes(1));

        using var stop = await app.PostTwilioInboundAsync(StopForm(shopper.Phone, "SM" + Guid.NewGuid().ToString("N")));
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);

        var profile = await Eventually.ValueAsync(
            async () => await app.Ingestion.Profiles.GetAsync(contactId) is { SmsConsent.Status: ConsentStatus.Denied } p ? p : null, Deadline, "the STOP to win");
        Assert.Equal("sms_keyword", profile.SmsConsent.Source);
        Assert.Equal(SuppressionReason.SmsStop, profile.SmsSuppression.Reason);
        Assert.True(ProfileProjection.ToJourneyContact(profile, DateTimeOffset.UtcNow, new ProfileOptions()).IsSuppressed(MessageChannel.Sms));
    }

    [Fact]
    public async Task ThreeSimultaneousIdenticalStops_WriteOneTimelineRow_AndOneConsentChange()
    {
        var shopper = Shopper.Unique();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-5);
        await app.PostShopifyAsync("orders/create", PrivacyPayloads.Order(shopper, 5301, longAgo, true, ("subscribed", longAgo), ("subscribed", longAgo)));
        var contact = await app.WaitForContactAsync(shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        var form = StopForm(shopper.Phone, "SM" + Guid.NewGuid().ToString("N"));

        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.PostTwilioInboundAsync(form)));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        await Eventually.HoldsAsync(async () => (await app.Ingestion.Profiles.GetAsync(contactId))?.SmsConsent.Status == ConsentStatus.Denied, Deadline, "the STOP");
        await app.QuietAsync();
        var rows = new List<StoredEvent>();
        await foreach (var stored in app.Ingestion.Events.ReadTimelineAsync(contactId))
        {
            rows.Add(stored);
        }

        var stops = rows.Where(r => r.Event.Type == Core.Events.EventTypes.ConsentChanged).ToList();
        var single = Assert.Single(stops);
        var profile = (await app.Ingestion.Profiles.GetAsync(contactId))!;
        Assert.Equal(single.Event.OccurredAt, profile.SmsConsent.At);
        Assert.Single(profile.RecentEventIds, id => id == single.Event.EventId);
        var listed = await app.Ingestion.Suppression.FindAsync(IdentityKind.Phone, shopper.Phone);
        Assert.Equal(new SuppressionEntry(nameof(SuppressionReason.SmsStop), single.Event.OccurredAt), listed);
    }

    [Fact]
    public async Task Erasure_EndsTheRunningJourney_AndRemovesItsSendsAndTimelines()
    {
        var shopper = Shopper.Unique();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-5);
        await app.PostShopifyAsync("orders/create", PrivacyPayloads.Order(shopper, 5401, longAgo, true, ("subscribed", longAgo), null));
        var contact = await app.WaitForContactAsync(shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        var instanceId = await app.StartAsync(PrivacyHostFixture.WaitingJourney, contactId);
        var view = await app.WaitForInstanceAsync(
            instanceId,
            v => v.GetProperty("runtime_status").GetString() == "running" && v.GetProperty("sends").GetArrayLength() == 1 && v.GetProperty("timeline").GetRawText().Contains("pause", StringComparison.Ordinal),
            "the first send and the wait");
        var messageId = view.GetProperty("sends")[0].GetProperty("message_id").GetString()!;
        Assert.NotNull(await app.Journeys.Ledger.GetAsync(messageId));
        var delivered = new DeliveryFeedback(MessageChannel.Email, messageId, null, DeliveryStatus.Delivered, DateTimeOffset.UtcNow, null, null, FeedbackEffects.None, RecipientImpact.None);
        Assert.True(await app.Statuses.RecordAsync(delivered, "delivered-" + messageId));
        await app.QuietAsync();

        using var erased = await app.Host.Client.DeleteAsync("api/contacts/" + contactId);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        using var gone = await app.Host.Client.GetAsync($"api/journeys/instances/{instanceId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(await app.Journeys.Ledger.GetAsync(messageId));
        Assert.Empty(await app.Journeys.Ledger.SentMessageIdsAsync(contactId));
        Assert.Empty(await app.Statuses.ReadAsync(messageId));
        Assert.Empty(await app.Journeys.Instances.ListForContactAsync(contactId));
        Assert.Empty(await app.Journeys.Instances.ReadHistoryAsync(instanceId));
        Assert.False(await app.Ingestion.Events.ReadTimelineAsync(contactId).GetAsyncEnumerator().MoveNextAsync());

        // It was stopped, not only deleted under its feet (a live instance's queued timer would still run it).
        Assert.Contains(TestLogSink.Entries, e => e.EventId == 4601 && e.Message.Contains("1 instances (1 terminated)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_HoldsConsentHistory_JourneyInstances_AndSends()
    {
        var shopper = Shopper.Unique();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-5);
        await app.PostShopifyAsync("orders/create", PrivacyPayloads.Order(shopper, 5501, longAgo, true, ("subscribed", longAgo), ("subscribed", longAgo)));
        var contact = await app.WaitForContactAsync(shopper.Email, c => ContactsApi.OrderCount(c) == 1, "the order");
        var contactId = contact.GetProperty("contact_id").GetString()!;
        await app.PostTwilioInboundAsync(StopForm(shopper.Phone, "SM" + Guid.NewGuid().ToString("N")));
        await app.WaitForContactAsync(contactId, c => c.GetProperty("profile").GetProperty("sms_consent").GetProperty("status").GetString() == "denied", "the STOP");
        var instanceId = await app.StartAsync(PrivacyHostFixture.OneSendJourney, contactId);
        await app.WaitForInstanceAsync(instanceId, v => v.GetProperty("runtime_status").GetString() == "completed" && v.GetProperty("sends").GetArrayLength() == 1, "the send");

        using var response = await app.Host.Client.GetAsync($"api/contacts/{contactId}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var consent = export.GetProperty("consent_history").EnumerateArray().ToList();
        Assert.Contains(consent, c => c.GetProperty("channel").GetString() == "sms" && c.GetProperty("consent").GetProperty("status").GetString() == "denied" && c.GetProperty("suppression").GetString() == "sms_stop");
        Assert.Contains(consent, c => c.GetProperty("channel").GetString() == "email" && c.GetProperty("consent").GetProperty("status").GetString() == "granted");
        var instance = Assert.Single(export.GetProperty("journey_instances").EnumerateArray());
        Assert.Equal(instanceId, instance.GetProperty("instance").GetProperty("instance_id").GetString());
        Assert.NotEqual(0, instance.GetProperty("timeline").GetArrayLength());
        var send = Assert.Single(export.GetProperty("sends").EnumerateArray());
        Assert.Equal("sent", send.GetProperty("ledger").GetProperty("status").GetString());
        Assert.Equal("email", send.GetProperty("ledger").GetProperty("channel").GetString());
    }

    private static Dictionary<string, string> StopForm(string phone, string sid) => new()
    {
        ["MessageSid"] = sid,
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["From"] = phone,
        ["To"] = "+15005550006",
        ["Body"] = "STOP",
    };
}
