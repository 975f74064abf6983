using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using static Nurture.Core.Tests.SendTime.SendTimeFixtures;

namespace Nurture.Core.Tests.SendTime;

public sealed class SendTimeAdvisorTests
{
    /// <summary>Monday 2 March 2026, 01:00 in New York (EST): the 24 h window holds Monday's morning and evening.</summary>
    private static readonly DateTimeOffset MondayNight = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private static SendTimeChoice Choose(SendTimeModel? model, ShopSendTimePattern? shop, TimeZoneInfo? zone = null, DateTimeOffset? now = null) =>
        SendTimeAdvisor.Choose(new SendTimeRequest(now ?? MondayNight, TimeSpan.FromHours(24), zone ?? NewYork, model, shop));

    [Fact]
    public void Choose_WithoutEvidence_FollowsTheShop()
    {
        var choice = Choose(null, EveningShop);

        Assert.InRange(LocalTime(choice), new TimeOnly(17, 0), new TimeOnly(19, 0));
        Assert.Equal((SendTimeBasis.Shop, 0, 0d), (choice.Basis, choice.EvidenceCount, choice.Confidence));
    }

    [Fact]
    public void Choose_OneEngagement_DoesNotOutweighTheShop()
    {
        var once = SendTimeModel.Empty.WithEngagement(new DateTimeOffset(2026, 2, 23, 8, 0, 0, TimeSpan.FromHours(-5)), 2, response: false, HalfLife);

        var choice = Choose(once, EveningShop);

        Assert.InRange(LocalTime(choice), new TimeOnly(17, 0), new TimeOnly(19, 0));
        Assert.Equal((SendTimeBasis.Shop, 1), (choice.Basis, choice.EvidenceCount));
        Assert.InRange(choice.Confidence, 0.001, 0.2);
    }

    [Fact]
    public void Choose_ManyEngagements_MakeItPersonal()
    {
        var mornings = Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(8, 0), weeks: 8, MondayNight, weight: 3);

        var choice = Choose(mornings, EveningShop);

        Assert.InRange(LocalTime(choice), new TimeOnly(6, 0), new TimeOnly(8, 15));
        Assert.Equal(SendTimeBasis.Personal, choice.Basis);
        Assert.Equal(mornings.EngagementCount, choice.EvidenceCount);
        Assert.InRange(choice.Confidence, 0.3, 1);
        Assert.Equal(WeekSlots.SlotMinutes, choice.ResolutionMinutes);
    }

    [Fact]
    public void Choose_MachineOpensChangeNothing()
    {
        var options = new ProfileOptions { EngagementHalfLife = HalfLife };
        var opens = Enumerable.Range(1, 30).Select(i => new CanonicalEvent(
            $"m{i}", EventTypes.EmailOpened, EventSource.SendGrid, $"m{i}", MondayNight.AddDays(-i).AddHours(2), ContactIdentity.Unknown,
            JsonDocument.Parse("""{ "machineOpen": true }""").RootElement.Clone()));

        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"), opens, options);

        Assert.True(profile.SendTime.IsEmpty);
        Assert.Equal(Choose(null, EveningShop).At, Choose(ProfileProjection.ToJourneyContact(profile, MondayNight, options).SendTime, EveningShop).At);
    }

    [Fact]
    public void Choose_DiscountsEngagementThatFollowedOurSends()
    {
        // Every weekday we mailed at 10:00 and the contact opened at 10:20; on their own they browse at 20:00.
        var opens = Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(10, 20), weeks: 8, MondayNight, response: true);
        var evenings = Weekdays(opens, NewYork, new TimeOnly(20, 0), weeks: 2, MondayNight);
        var exposed = Deliveries(evenings, NewYork, new TimeOnly(10, 0), weeks: 8, MondayNight);

        var naive = Choose(evenings, FlatShop);
        var corrected = Choose(exposed, FlatShop);

        Assert.InRange(LocalTime(naive), new TimeOnly(8, 30), new TimeOnly(10, 30));
        Assert.InRange(LocalTime(corrected), new TimeOnly(18, 0), new TimeOnly(20, 15));
        Assert.True(corrected.EffectiveEvidence < naive.EffectiveEvidence / 2);
    }

    [Fact]
    public void Choose_AcrossTheSpringChange_KeepsTheLocalTime()
    {
        // Evidence from January and February (EST); decisions in February (EST) and after 8 March (EDT).
        var winter = Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(19, 0), weeks: 6, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var february = new DateTimeOffset(2026, 2, 23, 6, 0, 0, TimeSpan.Zero); // Monday 01:00 EST
        var march = new DateTimeOffset(2026, 3, 9, 5, 0, 0, TimeSpan.Zero); // Monday 01:00 EDT

        var before = Choose(winter.DecayedTo(february, HalfLife), FlatShop, now: february);
        var after = Choose(winter.DecayedTo(march, HalfLife), FlatShop, now: march);

        Assert.Equal(TimeSpan.FromHours(-5), before.LocalAt.Offset);
        Assert.Equal(TimeSpan.FromHours(-4), after.LocalAt.Offset);
        Assert.Equal(LocalTime(before), LocalTime(after));
        Assert.InRange(LocalTime(after), new TimeOnly(17, 30), new TimeOnly(19, 0));
        Assert.Equal(after.At.UtcDateTime.Hour, LocalTime(after).Hour + 4);
    }

    [Fact]
    public void Choose_SameLocalRoutineInTwoZones_GivesTheSameLocalTime()
    {
        var inNewYork = Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(12, 30), weeks: 6, MondayNight);
        var inLosAngeles = Weekdays(SendTimeModel.Empty, LosAngeles, new TimeOnly(12, 30), weeks: 6, MondayNight.AddHours(3));

        var east = Choose(inNewYork, FlatShop, NewYork, MondayNight);
        var west = Choose(inLosAngeles, FlatShop, LosAngeles, MondayNight.AddHours(3));

        Assert.Equal(LocalTime(east), LocalTime(west));
        Assert.Equal(TimeSpan.FromHours(3), west.At - east.At);
        Assert.Equal(("America/New_York", "America/Los_Angeles"), (east.TimeZone, west.TimeZone));
    }
}
