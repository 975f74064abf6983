using System.Text.Json.Nodes;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Profiles;
using static Nurture.Core.Tests.Profiles.Events;

namespace Nurture.Core.Tests.Profiles;

public sealed class IdentityMergeTests
{
    private static readonly ProfileOptions Options = new() { DefaultCallingCode = "1" };

    private static readonly CanonicalEvent[] EmailSide =
    [
        Order("o1", T0, 100m, ("p1", "Shoes")),
        Consent("e-in", "email", "subscribed", T0.AddDays(1)),
        Make("n1", EventTypes.CustomerUpdated, T0.AddDays(1), new JsonObject { ["firstName"] = "Bob" }),
        Open("op", T0.AddDays(2), machine: false),
    ];

    private static readonly CanonicalEvent[] PhoneSide =
    [
        Make("v", EventTypes.ProductViewed, T0.AddDays(-3), contact: new ContactIdentity(Phone: "+16135550135"), source: EventSource.Track),
        Order("o2", T0.AddDays(5), 60m, ("p2", "Hats")) with { Contact = new ContactIdentity(Phone: "+16135550135") },
        Consent("sms-stop", "sms", "unsubscribed", T0.AddDays(6)),
        Make("n2", EventTypes.CustomerUpdated, T0.AddDays(4), new JsonObject { ["firstName"] = "Robert", ["tags"] = new JsonArray("vip") }),
    ];

    [Fact]
    public void Merge_CombinesEverythingBothContactsHeld()
    {
        var a = ProfileReducer.ApplyAll(ContactProfile.Create("contact-a"), EmailSide, Options);
        var b = ProfileReducer.ApplyAll(ContactProfile.Create("contact-b"), PhoneSide, Options);

        var merged = IdentityMerge.Merge(a, b, Options);

        Assert.Equal("contact-b", merged.ContactId);
        Assert.Equal(["bob@example.com"], merged.Emails);
        Assert.Equal(["+16135550135"], merged.Phones);
        Assert.Equal(2, merged.Orders.OrderCount);
        Assert.Equal(160m, merged.Orders.TotalSpent);
        Assert.Equal(T0.AddDays(5), merged.Orders.LastOrderAt);
        Assert.Equal("Robert", merged.Attribute(ProfileAttributes.FirstName));
        Assert.Equal(ConsentStatus.Granted, merged.EmailConsent.Status);
        Assert.Equal(ConsentStatus.Denied, merged.SmsConsent.Status);
        Assert.True(merged.Tags.ContainsKey("vip"));
        Assert.Equal(T0.AddDays(5), merged.Tags[ProfileReducer.RepeatPurchaserTag].AddedAt);
    }

    [Fact]
    public void Merge_IsSymmetric_AndEqualsApplyingEveryEventToOneContact()
    {
        var a = ProfileReducer.ApplyAll(ContactProfile.Create("contact-a"), EmailSide, Options);
        var b = ProfileReducer.ApplyAll(ContactProfile.Create("contact-b"), PhoneSide, Options);
        var together = ProfileReducer.ApplyAll(ContactProfile.Create("contact-b"), [.. PhoneSide, .. EmailSide], Options);

        var ab = IdentityMerge.Merge(a, b, Options);
        var ba = IdentityMerge.Merge(b, a, Options);

        Assert.Equal(ProfileSnapshot.Of(ab), ProfileSnapshot.Of(ba));
        Assert.Equal(ProfileSnapshot.Of(together), ProfileSnapshot.Of(ab));
    }

    [Fact]
    public void ChooseSurvivor_PrefersTheOlderContact_ThenTheSmallerId()
    {
        var older = ContactProfile.Create("zzz") with { FirstSeenAt = T0 };
        var newer = ContactProfile.Create("aaa") with { FirstSeenAt = T0.AddDays(1) };
        var unseen = ContactProfile.Create("bbb");

        Assert.Same(older, IdentityMerge.ChooseSurvivor(newer, older));
        Assert.Same(older, IdentityMerge.ChooseSurvivor(older, unseen));
        Assert.Equal("aaa", IdentityMerge.ChooseSurvivor(ContactProfile.Create("bbb"), ContactProfile.Create("aaa")).ContactId);
    }

    [Fact]
    public void Merge_ManualTagBeatsAComputedOneOfTheSameName()
    {
        var manual = ContactProfile.Create("a") with { Tags = ContactProfile.Create("a").Tags.Add("vip", new ProfileTag("vip", TagSource.Manual, T0.AddDays(9))) };
        var computed = ContactProfile.Create("b") with { Tags = ContactProfile.Create("b").Tags.Add("vip", new ProfileTag("vip", TagSource.Computed, T0)) };

        Assert.Equal(TagSource.Manual, IdentityMerge.Merge(manual, computed, Options).Tags["vip"].Source);
        Assert.Equal(TagSource.Manual, IdentityMerge.Merge(computed, manual, Options).Tags["vip"].Source);
    }
}
