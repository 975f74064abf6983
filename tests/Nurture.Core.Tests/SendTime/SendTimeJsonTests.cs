using System.Text.Json;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using static Nurture.Core.Tests.SendTime.SendTimeFixtures;

namespace Nurture.Core.Tests.SendTime;

/// <summary>The send-time state survives the serialisers it is stored with: the journey contact snapshot and the shop pattern row.</summary>
public sealed class SendTimeJsonTests
{
    [Fact]
    public void JourneyContact_WithAModel_RoundTripsThroughTheJourneyJson()
    {
        var model = Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(20, 0), weeks: 2, T0).WithDelivery(T0.AddDays(-1), HalfLife);
        var contact = new JourneyContact("c", "America/New_York", SendTime: model);

        var back = JsonSerializer.Deserialize<JourneyContact>(JsonSerializer.Serialize(contact, JourneyJson.Options), JourneyJson.Options)!.SendTime!;

        Assert.Equal(model.Engagement.Keys.ToArray(), back.Engagement.Keys.ToArray());
        Assert.Equal(model.Engagement.Values.ToArray(), back.Engagement.Values.ToArray());
        Assert.Equal(model.Deliveries.Keys.ToArray(), back.Deliveries.Keys.ToArray());
        Assert.Equal((model.EngagementCount, model.DeliveryCount, model.AsOf, model.ObservedHours), (back.EngagementCount, back.DeliveryCount, back.AsOf, back.ObservedHours));
    }

    [Fact]
    public void ShopPattern_RoundTripsAndChoosesTheSame()
    {
        var builder = new ShopSendTimePatternBuilder("America/New_York");
        for (var i = 0; i < 60; i++)
        {
            builder.Add(Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(i % 2 == 0 ? 7 : 20, 0), weeks: 3, T0), "America/New_York");
        }

        var pattern = builder.Build(T0);

        var back = JsonSerializer.Deserialize<ShopSendTimePattern>(JsonSerializer.Serialize(pattern, ProfileJson.Options), ProfileJson.Options)!;

        Assert.True(back.IsWellFormed());
        Assert.Equal(pattern.Clusters.Length, back.Clusters.Length);
        Assert.Equal(pattern.Shape.ToArray(), back.Shape.ToArray());
        Assert.Equal(
            SendTimeAdvisor.Advise(null, null, pattern, T0, TimeSpan.FromHours(24)).At,
            SendTimeAdvisor.Advise(null, null, back, T0, TimeSpan.FromHours(24)).At);
    }
}
