using System.Text.Json.Nodes;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Profiles;
using static Nurture.Core.Tests.Profiles.Events;

namespace Nurture.Core.Tests.Profiles;

/// <summary>A suppression holds until an explicit opt-in dated after it, whatever order the events arrive in.</summary>
public sealed class SuppressionTests
{
    private static readonly ProfileOptions Options = new();

    [Fact]
    public void AWithdrawal_IsLiftedOnlyByAnExplicitOptInDatedAfterIt_InAnyOrder()
    {
        var unsubscribe = Consent("d", T0, "unsubscribed", withOwnTime: true);
        var explicitBefore = Consent("g0", T0.AddHours(-1), "subscribed", withOwnTime: true);
        var checkoutBox = Customer("n", T0.AddHours(2), "subscribed", withOwnTime: false);
        var events = new[] { unsubscribe, explicitBefore, checkoutBox };

        foreach (var order in Permutations(events))
        {
            var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), order, Options);
            Assert.True(profile.EmailSuppression.IsActive);
            Assert.Equal(ConsentStatus.Denied, View(profile).ConsentFor(MessageChannel.Email));

            // Marketing stops; an unsubscribe does not block transactional email.
            Assert.False(View(profile).IsSuppressed(MessageChannel.Email));
        }

        var explicitAfter = Consent("g1", T0.AddHours(1), "subscribed", withOwnTime: true);
        foreach (var order in Permutations([.. events, explicitAfter]))
        {
            var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), order, Options);
            Assert.False(profile.EmailSuppression.IsActive);
            Assert.Equal(ConsentStatus.Granted, View(profile).ConsentFor(MessageChannel.Email));
        }
    }

    [Fact]
    public void AnErasureMark_BeatsAnOlderGrant_AndBlocksEveryMessage()
    {
        var granted = ProfileReducer.Apply(ContactProfile.Create("c"), Customer("g", T0.AddDays(1), "subscribed", withOwnTime: true, consentAt: T0.AddDays(-30)), Options);

        var marked = ProfileReducer.Suppress(granted, [new SuppressionMark("email", SuppressionReason.Erased, T0)]);

        Assert.Equal(ConsentStatus.Granted, marked.EmailConsent.Status);
        Assert.True(View(marked).IsSuppressed(MessageChannel.Email));
        Assert.Same(marked, ProfileReducer.Suppress(marked, "email", SuppressionReason.Erased, T0.AddDays(-1)));
    }

    [Fact]
    public void AStop_SuppressesSms_AndStartAfterItLiftsIt()
    {
        var stop = Make("stop", EventTypes.ConsentChanged, T0, new JsonObject { ["channel"] = "sms", ["status"] = "unsubscribed", ["source"] = "sms_keyword" });
        var start = Make("start", EventTypes.ConsentChanged, T0.AddMinutes(5), new JsonObject { ["channel"] = "sms", ["status"] = "subscribed", ["source"] = "sms_keyword" });

        var stopped = ProfileReducer.Apply(ContactProfile.Create("c"), stop, Options);
        var started = ProfileReducer.Apply(stopped, start, Options);

        Assert.Equal(SuppressionReason.SmsStop, stopped.SmsSuppression.Reason);
        Assert.True(View(stopped).IsSuppressed(MessageChannel.Sms));
        Assert.False(View(started).IsSuppressed(MessageChannel.Sms));
        Assert.Equal(ConsentStatus.Granted, View(started).ConsentFor(MessageChannel.Sms));
    }

    [Fact]
    public void AnOrdersConsentObjects_UpdateConsentWithTheirOwnTimes()
    {
        var order = Make("o1", EventTypes.OrderPlaced, T0, new JsonObject
        {
            ["orderId"] = "o1",
            ["total"] = 10m,
            ["emailConsent"] = new JsonObject { ["status"] = "subscribed", ["source"] = "shopify", ["consentAt"] = T0.AddDays(-3).ToString("O") },
            ["smsConsent"] = new JsonObject { ["status"] = "unsubscribed", ["source"] = "shopify", ["consentAt"] = T0.AddDays(-2).ToString("O") },
        });

        var profile = ProfileReducer.Apply(ContactProfile.Create("c"), order, Options);

        Assert.Equal(new ConsentState(ConsentStatus.Granted, "shopify", T0.AddDays(-3), "key-o1"), profile.EmailConsent);
        Assert.Equal(ConsentStatus.Denied, profile.SmsConsent.Status);
        Assert.Equal(T0.AddDays(-2), profile.SmsConsent.At);
        Assert.Equal(1, profile.Orders.OrderCount);
    }

    [Fact]
    public void Clamp_TakesFutureTimesAsTheReceiptTime_AndLeavesSkewWithinToleranceAlone()
    {
        var received = T0;
        var future = Customer("f", T0.AddDays(1), "subscribed", withOwnTime: true, consentAt: T0.AddYears(1));
        var skewed = Customer("s", T0.AddMinutes(2), "subscribed", withOwnTime: true, consentAt: T0.AddMinutes(3));

        var clamped = ConsentClock.Clamp(future, received, TimeSpan.FromMinutes(5));

        Assert.Equal(received, clamped.OccurredAt);
        Assert.Equal(received, ProfileReducer.Apply(ContactProfile.Create("c"), clamped, Options).EmailConsent.At);
        Assert.Same(skewed, ConsentClock.Clamp(skewed, received, TimeSpan.FromMinutes(5)));

        // So a STOP a minute after receipt beats the grant that claimed to come a year later.
        var unsubscribe = Consent("u", T0.AddMinutes(1), "unsubscribed", withOwnTime: true);
        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [clamped, unsubscribe], Options);
        Assert.Equal(ConsentStatus.Denied, profile.EmailConsent.Status);
    }

    private static JourneyContact View(ContactProfile profile) => ProfileProjection.ToJourneyContact(profile, T0.AddDays(2), Options);

    private static CanonicalEvent Consent(string id, DateTimeOffset at, string status, bool withOwnTime) =>
        Make(id, EventTypes.ConsentChanged, at, new JsonObject
        {
            ["channel"] = "email",
            ["status"] = status,
            ["source"] = "shopify",
            ["consentAt"] = withOwnTime ? at.ToString("O") : null,
        });

    private static CanonicalEvent Customer(string id, DateTimeOffset at, string status, bool withOwnTime, DateTimeOffset? consentAt = null) =>
        Make(id, EventTypes.CustomerUpdated, at, new JsonObject
        {
            ["emailConsent"] = withOwnTime
                ? new JsonObject { ["status"] = status, ["source"] = "shopify", ["consentAt"] = (consentAt ?? at).ToString("O") }
                : new JsonObject { ["status"] = status, ["source"] = "shopify:buyer_accepts_marketing" },
        });

    private static IEnumerable<CanonicalEvent[]> Permutations(CanonicalEvent[] events) =>
        events.Length <= 1
            ? [events]
            : events.SelectMany((e, i) => Permutations([.. events.Take(i), .. events.Skip(i + 1)]).Select(rest => (CanonicalEvent[])[e, .. rest]));
}
