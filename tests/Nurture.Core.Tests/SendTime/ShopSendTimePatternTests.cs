using Nurture.Core.SendTime;
using static Nurture.Core.Tests.SendTime.SendTimeFixtures;

namespace Nurture.Core.Tests.SendTime;

public sealed class ShopSendTimePatternTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Forty early readers (07:00) and forty evening readers (20:00) in New York, twenty evening readers in Los Angeles.</summary>
    private static ShopSendTimePattern Build(ShopSendTimePattern? previous = null)
    {
        var builder = new ShopSendTimePatternBuilder("America/New_York", previous);
        for (var i = 0; i < 40; i++)
        {
            builder.Add(Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(7, 0).AddMinutes(i % 5 * 5), weeks: 4, Now).DecayedTo(Now, HalfLife), "America/New_York");
            builder.Add(Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(20, 0).AddMinutes(i % 5 * 5), weeks: 4, Now).DecayedTo(Now, HalfLife), "America/New_York");
        }

        for (var i = 0; i < 20; i++)
        {
            builder.Add(Weekdays(SendTimeModel.Empty, LosAngeles, new TimeOnly(20, 0), weeks: 4, Now).DecayedTo(Now, HalfLife), "America/Los_Angeles");
        }

        builder.Add(null, "America/New_York");
        builder.Add(SendTimeModel.Empty, null);
        return builder.Build(Now);
    }

    [Fact]
    public void Build_LearnsTheShopsRoutinesZonesAndShape()
    {
        var pattern = Build();

        Assert.True(pattern.IsWellFormed());
        Assert.Equal(100, pattern.ContactCount);
        Assert.Equal([new ShopZoneShare("America/New_York", 0.8), new ShopZoneShare("America/Los_Angeles", 0.2)], pattern.Zones.ToArray());
        Assert.Equal(1d, pattern.Shape.Sum(), 9);
        var peaks = pattern.Clusters.Select(c => c.Weekday.IndexOf(c.Weekday.Max()) / 4d).ToList();
        Assert.Contains(peaks, p => p is >= 6.5 and <= 7.75);
        Assert.Contains(peaks, p => p is >= 19.5 and <= 20.75);
        Assert.Equal(1d, pattern.Clusters.Sum(c => c.Weight), 9);
        Assert.All(pattern.Clusters, c => Assert.Equal(1d, (5 * c.Weekday.Sum()) + (2 * c.Weekend.Sum()), 9));
    }

    [Fact]
    public void Build_IsDeterministicAndRefreshesFromThePreviousPattern()
    {
        var first = Build();
        var again = Build();
        var refreshed = Build(first);

        Assert.Equal(first.Shape.ToArray(), again.Shape.ToArray());
        Assert.Equal(first.Clusters.Select(c => c.Weight), again.Clusters.Select(c => c.Weight));
        Assert.Equal(first.Clusters.Length, refreshed.Clusters.Length);
    }

    [Fact]
    public void Resolve_InfersAZoneFromEnoughEvidenceElseUsesTheShops()
    {
        var pattern = Build();
        var westEvenings = Weekdays(SendTimeModel.Empty, LosAngeles, new TimeOnly(20, 0), weeks: 4, Now).DecayedTo(Now, HalfLife);
        var once = SendTimeModel.Empty.WithEngagement(Now.AddDays(-2), 1, false, HalfLife);

        var inferred = SendTimeZones.Resolve(null, westEvenings, pattern, Now);
        var thin = SendTimeZones.Resolve(null, once, pattern, Now);
        var own = SendTimeZones.Resolve("Europe/Berlin", westEvenings, pattern, Now);
        var unknown = SendTimeZones.Resolve("Nowhere/Special", null, null, Now);

        Assert.Equal(("America/Los_Angeles", ZoneSource.Inferred), (inferred.Zone.Id, inferred.Source));
        Assert.Equal(("America/New_York", ZoneSource.Shop), (thin.Zone.Id, thin.Source));
        Assert.Equal(("Europe/Berlin", ZoneSource.Profile), (own.Zone.Id, own.Source));
        Assert.Equal((TimeZoneInfo.Utc.Id, ZoneSource.Utc), (unknown.Zone.Id, unknown.Source));
    }

    [Fact]
    public void Advise_WithoutAZone_ChoosesByTheInferredZone()
    {
        var pattern = Build();
        var westEvenings = Weekdays(SendTimeModel.Empty, LosAngeles, new TimeOnly(20, 0), weeks: 4, Now).DecayedTo(Now, HalfLife);

        var choice = SendTimeAdvisor.Advise(westEvenings, null, pattern, Now, TimeSpan.FromHours(24));

        Assert.Equal(("America/Los_Angeles", ZoneSource.Inferred, SendTimeBasis.Personal), (choice.TimeZone, choice.ZoneSource, choice.Basis));
        Assert.InRange(LocalTime(choice), new TimeOnly(18, 0), new TimeOnly(20, 15));
    }

    [Fact]
    public void Default_IsTheDefaultCurveWithTheDefaultRates()
    {
        var pattern = ShopSendTimePattern.Default("Europe/Berlin");

        Assert.True(pattern.IsWellFormed());
        Assert.Equal(("Europe/Berlin", 0d, 0.05, 0.005), (pattern.TimeZone, pattern.EvidenceWeight, pattern.ResponseRate, pattern.OrganicRate));
        Assert.Equal(1d, DefaultAttention.Shape.Sum(), 9);
        Assert.Equal(19.5, DefaultAttention.Shape.Skip(96).Take(96).ToList().IndexOf(DefaultAttention.Shape.Skip(96).Take(96).Max()) / 4d, 0);
    }
}
