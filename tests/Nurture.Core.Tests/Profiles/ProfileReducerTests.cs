using System.Text.Json.Nodes;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Profiles;
using static Nurture.Core.Tests.Profiles.Events;

namespace Nurture.Core.Tests.Profiles;

public sealed class ProfileReducerTests
{
    private static readonly ProfileOptions Options = new() { DefaultCallingCode = "1" };

    [Fact]
    public void Apply_Orders_BuildOrderStatsAndPurchaseTags()
    {
        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c1"),
        [
            Order("1", T0, 100m, ("p1", "Shoes"), ("p2", null)),
            Order("2", T0.AddDays(3), 50m, ("p3", "Hats")),
            Make("3", EventTypes.RefundCreated, T0.AddDays(4), new JsonObject { ["refundAmount"] = 20m }),
            Make("4", EventTypes.OrderCancelled, T0.AddDays(5)),
        ], Options);

        Assert.Equal(2, profile.Orders.OrderCount);
        Assert.Equal(150m, profile.Orders.OrderedTotal);
        Assert.Equal(130m, profile.Orders.TotalSpent);
        Assert.Equal(75m, profile.Orders.AverageOrderValue);
        Assert.Equal(1, profile.Orders.CancelledCount);
        Assert.Equal(T0, profile.Orders.FirstOrderAt);
        Assert.Equal(T0.AddDays(3), profile.Orders.LastOrderAt);
        Assert.Equal(["Hats", "Shoes"], profile.Orders.Categories);
        Assert.Equal(["p1", "p2", "p3"], profile.Orders.Products);
        Assert.Equal(T0, profile.Tags[ProfileReducer.PurchaserTag].AddedAt);
        Assert.Equal(TagSource.Computed, profile.Tags[ProfileReducer.RepeatPurchaserTag].Source);
        Assert.Equal(["shopify:42"], profile.CustomerIds);
        Assert.Equal(["bob@example.com"], profile.Emails);
    }

    [Fact]
    public void Apply_DuplicateEvent_ChangesNothing()
    {
        var order = Order("1", T0, 100m, ("p1", "Shoes"));
        var once = ProfileReducer.Apply(ContactProfile.Create("c1"), order, Options);

        var twice = ProfileReducer.Apply(once, order, Options);

        Assert.Same(once, twice);
        Assert.Equal(1, twice.Orders.OrderCount);
    }

    [Fact]
    public void Apply_RemembersOnlyTheConfiguredNumberOfEventIds()
    {
        var options = new ProfileOptions { RecentEventCapacity = 3 };

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c1"), Enumerable.Range(1, 5).Select(i => Make("e" + i, "custom", T0.AddMinutes(i))), options);

        Assert.Equal(["e3", "e4", "e5"], profile.RecentEventIds.ToArray());
    }

    [Fact]
    public void Apply_InAnyOrder_ReachesTheSameProfile()
    {
        CanonicalEvent[] events =
        [
            Order("o1", T0, 80m, ("p1", "Shoes")),
            Order("o2", T0.AddDays(10), 40m, ("p2", "Hats")),
            Make("c1", EventTypes.CustomerUpdated, T0.AddDays(1), new JsonObject { ["firstName"] = "Bob", ["city"] = "Ottawa", ["tags"] = new JsonArray("vip") }),
            Make("c2", EventTypes.CustomerUpdated, T0.AddDays(2), new JsonObject { ["firstName"] = "Robert", ["tags"] = new JsonArray("vip", "wholesale") }),
            Consent("s1", "email", "subscribed", T0.AddDays(1)),
            Consent("s2", "email", "unsubscribed", T0.AddDays(6)),
            Open("m1", T0.AddHours(30), machine: false),
            Open("m2", T0.AddDays(8), machine: false),
            Make("v1", EventTypes.ProductViewed, T0.AddHours(5), contact: new ContactIdentity(Phone: "613 555 0135"), source: EventSource.Track),
            Make("d1", EventTypes.EmailDelivered, T0.AddHours(29), source: EventSource.SendGrid),
            Make("d2", EventTypes.EmailDelivered, T0.AddDays(8).AddMinutes(-5), source: EventSource.SendGrid),
        ];
        var expected = ProfileSnapshot.Of(ProfileReducer.ApplyAll(ContactProfile.Create("c"), events, Options));

        var random = new Random(1234);
        for (var round = 0; round < 25; round++)
        {
            var shuffled = events.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(expected, ProfileSnapshot.Of(ProfileReducer.ApplyAll(ContactProfile.Create("c"), shuffled, Options)));
        }

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), events, Options);
        Assert.Equal("Robert", profile.Attribute(ProfileAttributes.FirstName));
        Assert.Equal("Ottawa", profile.Attribute(ProfileAttributes.City));
        Assert.Equal(["vip", "wholesale"], profile.Tags.Values.Where(t => t.Source == TagSource.Platform).Select(t => t.Name));
        Assert.Equal(T0.AddDays(10), profile.Tags[ProfileReducer.RepeatPurchaserTag].AddedAt);
        Assert.Equal(ConsentStatus.Denied, profile.EmailConsent.Status);
        Assert.Equal(T0.AddDays(10), profile.Orders.LastOrderAt);
        Assert.Equal(T0.AddDays(10), profile.LastActivityAt);
        Assert.Equal(["+16135550135"], profile.Phones);
    }

    [Fact]
    public void Apply_LateOlderCustomerUpdate_DoesNotOverwriteNewerValues()
    {
        var newer = Make("n", EventTypes.CustomerUpdated, T0.AddDays(2), new JsonObject { ["lastName"] = "Norman", ["tags"] = new JsonArray("vip") });
        var older = Make("o", EventTypes.CustomerUpdated, T0, new JsonObject { ["lastName"] = "Normann", ["tags"] = new JsonArray("old") });

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [newer, older], Options);

        Assert.Equal("Norman", profile.Attribute(ProfileAttributes.LastName));
        Assert.Equal(["vip"], profile.Tags.Keys);
    }

    [Fact]
    public void Apply_Attributes_IgnoresInvalidBirthdaysAndControlCharacters()
    {
        var profile = ProfileReducer.Apply(ContactProfile.Create("c"), Make("a", EventTypes.CustomerUpdated, T0, new JsonObject
        {
            ["birthday"] = "31/02/1990",
            ["city"] = "Ott\u0000awa",
            ["timeZone"] = "America/Toronto",
        }), Options);

        Assert.Null(profile.Attribute(ProfileAttributes.Birthday));
        Assert.Null(profile.Attribute(ProfileAttributes.City));
        Assert.Equal("America/Toronto", profile.Attribute(ProfileAttributes.TimeZone));
        Assert.Equal("shopify", profile.Attributes[ProfileAttributes.TimeZone].Source);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Apply_SmsStopAfterAnOptIn_WinsWhateverTheArrivalOrder(bool stopFirst)
    {
        var optIn = Consent("in", "sms", "subscribed", T0);
        var stop = Consent("stop", "sms", "unsubscribed", T0.AddHours(1), "sms_keyword");

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), stopFirst ? [stop, optIn] : [optIn, stop], Options);

        Assert.Equal(ConsentStatus.Denied, profile.SmsConsent.Status);
        Assert.Equal("sms_keyword", profile.SmsConsent.Source);
        Assert.Equal(T0.AddHours(1), profile.SmsConsent.At);
    }

    [Fact]
    public void Apply_ALaterOptIn_BeatsAnEarlierStop_AndATieIsAnOptOut()
    {
        var later = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [Consent("stop", "sms", "unsubscribed", T0), Consent("start", "sms", "subscribed", T0.AddDays(1))], Options);
        var tie = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [Consent("a", "email", "subscribed", T0), Consent("b", "email", "unsubscribed", T0)], Options);
        var tieReversed = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [Consent("b", "email", "unsubscribed", T0), Consent("a", "email", "subscribed", T0)], Options);

        Assert.Equal(ConsentStatus.Granted, later.SmsConsent.Status);
        Assert.Equal(ConsentStatus.Denied, tie.EmailConsent.Status);
        Assert.Equal(ConsentStatus.Denied, tieReversed.EmailConsent.Status);
    }

    [Fact]
    public void Apply_ChannelFeedback_UpdatesConsentAndDeliverability()
    {
        var sendgrid = new ContactIdentity(Email: "bob@example.com");
        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"),
        [
            Consent("in", "email", "subscribed", T0),
            Make("b", EventTypes.EmailBounced, T0.AddDays(1), contact: sendgrid, source: EventSource.SendGrid),
            Make("u", EventTypes.EmailUnsubscribed, T0.AddDays(2), contact: sendgrid, source: EventSource.SendGrid),
            Make("g1", EventTypes.EmailGroupUnsubscribed, T0.AddDays(4), new JsonObject { ["asmGroupId"] = "42" }, sendgrid, EventSource.SendGrid),
            Make("g0", EventTypes.EmailGroupResubscribed, T0.AddDays(3), new JsonObject { ["asmGroupId"] = "42" }, sendgrid, EventSource.SendGrid),
            Make("t", EventTypes.SmsStatusChanged, T0.AddDays(5), new JsonObject { ["errorCode"] = "21610" }, new ContactIdentity(Phone: "+16135550135"), EventSource.Twilio),
        ], Options);

        Assert.Equal(ConsentStatus.Denied, profile.EmailConsent.Status);
        Assert.Equal("sendgrid:unsubscribe", profile.EmailConsent.Source);
        Assert.Equal(ConsentStatus.Denied, profile.EmailGroups["42"].Status);
        Assert.Equal(ConsentStatus.Denied, profile.SmsConsent.Status);
        Assert.True(profile.Tags.ContainsKey(ProfileReducer.EmailBouncedTag));
    }

    [Fact]
    public void Apply_ShopifyStyleConsentObjects_UseTheirOwnConsentTime()
    {
        var evt = Make("cu", EventTypes.CustomerUpdated, T0.AddDays(30), new JsonObject
        {
            ["emailConsent"] = new JsonObject { ["status"] = "subscribed", ["source"] = "shopify", ["consentAt"] = T0.ToString("O"), ["proof"] = "confirmed_opt_in" },
        });
        var stop = Make("u", EventTypes.EmailUnsubscribed, T0.AddDays(1), source: EventSource.SendGrid);

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [stop, evt], Options);

        Assert.Equal(ConsentStatus.Denied, profile.EmailConsent.Status);
    }

    [Fact]
    public void Apply_MachineOpens_AreNotEngagement()
    {
        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [Open("m", T0, machine: true)], Options);

        Assert.Null(profile.LastActivityAt);
        Assert.True(profile.SendTime.IsEmpty);
        Assert.Equal(0, profile.SendTime.Engagement.Count);
    }

    [Fact]
    public void Apply_Engagement_DecaysByTheHalfLife()
    {
        var options = new ProfileOptions { EngagementHalfLife = TimeSpan.FromDays(7) };
        var week = TimeSpan.FromDays(7);

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [Open("a", T0, false), Open("b", T0 + week, false), Open("z", T0 + week + TimeSpan.FromHours(3), false)], options);

        // Sunday 10:00 UTC in March before the EU change is winter key 40; 13:00 is key 52.
        var model = profile.SendTime;
        Assert.Equal([40, 52], model.Engagement.Keys.ToArray());
        Assert.Equal((0.5 * Math.Pow(0.5, 3d / 168)) + Math.Pow(0.5, 3d / 168), model.Engagement.Values[0], 9);
        Assert.Equal(1d, model.Engagement.Values[1], 9);
        Assert.Equal(model.Engagement.Total(), model.ResponseWeight, 9);
        Assert.Equal(3, model.EngagementCount);
        Assert.Equal(T0 + week + TimeSpan.FromHours(3), model.AsOf);
        Assert.Equal(T0, model.Since);
    }

    [Fact]
    public void Apply_DeliveriesAreExposureNotActivity()
    {
        var delivered = Make("d", EventTypes.EmailDelivered, T0, source: EventSource.SendGrid);
        var processed = Make("p", EventTypes.EmailProcessed, T0, source: EventSource.SendGrid);
        var smsDelivered = Make("s", EventTypes.SmsStatusChanged, T0.AddHours(1), new JsonObject { ["messageStatus"] = "delivered" }, source: EventSource.Twilio);
        var smsSent = Make("t", EventTypes.SmsStatusChanged, T0.AddHours(2), new JsonObject { ["messageStatus"] = "sent" }, source: EventSource.Twilio);

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [delivered, processed, smsDelivered, smsSent], Options);

        Assert.Null(profile.LastActivityAt);
        Assert.Equal(2, profile.SendTime.DeliveryCount);
        Assert.Equal([40, 44], profile.SendTime.Deliveries.Keys.ToArray());
        Assert.Equal(0, profile.SendTime.EngagementCount);
    }

    [Fact]
    public void Apply_SiteActivityIsEngagementAndOpensAreResponses()
    {
        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), [Order("o", T0, 10m), Open("h", T0.AddMinutes(20), false)], Options);

        Assert.Equal((3 * Math.Pow(0.5, 20d / (60 * 24 * 60))) + 1, profile.SendTime.Engagement.Total(), 9);
        Assert.Equal(1d, profile.SendTime.ResponseWeight, 9);
        Assert.Equal(T0.AddMinutes(20), profile.LastActivityAt);
    }
}
