using System.Text.Json.Nodes;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Profiles;
using static Nurture.Core.Tests.Profiles.Events;
using JourneyConsent = Nurture.Core.Journeys.Contacts.ConsentStatus;

namespace Nurture.Core.Tests.Profiles;

public sealed class ProfileProjectionTests
{
    [Fact]
    public void ToJourneyContact_MapsConsentStatsAndLocalEngagement()
    {
        var options = new ProfileOptions();
        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"),
        [
            Make("cu", EventTypes.CustomerUpdated, T0, new JsonObject { ["timeZone"] = "America/Toronto", ["tags"] = new JsonArray("vip") }),
            Order("o", T0, 30m),
            Consent("in", "email", "subscribed", T0),
            Consent("out", "sms", "unsubscribed", T0),
            Open("op", T0, machine: false),
        ], options);

        var contact = ProfileProjection.ToJourneyContact(profile, T0, options);

        Assert.Equal("America/Toronto", contact.TimeZone);
        Assert.Equal(JourneyConsent.Granted, contact.ConsentFor(MessageChannel.Email));
        Assert.Equal(JourneyConsent.Denied, contact.ConsentFor(MessageChannel.Sms));
        Assert.True(contact.HasEmail);
        Assert.False(contact.HasPhone);
        Assert.Equal(1, contact.OrderCount);
        Assert.Equal(30m, contact.TotalSpent);
        Assert.Contains("vip", contact.TagsOrEmpty);
        Assert.False(contact.IsSuppressed(MessageChannel.Email));

        // The model travels in UTC keys; the advisor reads it in the contact's zone. The order (3) and the open (1).
        var model = contact.SendTime!;
        Assert.Equal(4d, model.Engagement.Total(), 9);
        Assert.Equal(2, model.EngagementCount);
    }

    [Fact]
    public void ToJourneyContact_DecaysTheModelToNow()
    {
        var options = new ProfileOptions { EngagementHalfLife = TimeSpan.FromDays(10) };
        var profile = ProfileReducer.Apply(ContactProfile.Create("c"), Order("o", T0, 30m), options);

        var contact = ProfileProjection.ToJourneyContact(profile, T0.AddDays(20), options);

        Assert.Equal(0.75, contact.SendTime!.Engagement.Total(), 9);
        Assert.Equal(T0.AddDays(20), contact.SendTime.AsOf);
        Assert.Equal(3d, profile.SendTime.Engagement.Total(), 9);
    }

    [Fact]
    public void ToJourneyContact_SuppressesEmailAfterABounce()
    {
        var profile = ProfileReducer.Apply(ContactProfile.Create("c"), Make("b", EventTypes.EmailBounced, T0, source: EventSource.SendGrid), new ProfileOptions());

        var contact = ProfileProjection.ToJourneyContact(profile, T0, new ProfileOptions());

        Assert.True(contact.IsSuppressed(MessageChannel.Email));
        Assert.Null(contact.SendTime);
    }
}
