using System.Text.Json.Nodes;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;

namespace Nurture.Core.Tests.SendTime;

public sealed class LegacyProfileTests
{
    [Fact]
    public void Deserialize_ProfileWithTheOldHistogram_ReadsItIntoTheSendTimeModel()
    {
        var buckets = new double[168];
        buckets[(1 * 24) + 19] = 2; // Monday 19:00 UTC
        var json = new JsonObject
        {
            ["contactId"] = "c-old",
            ["engagement"] = new JsonObject { ["buckets"] = new JsonArray([.. buckets.Select(b => (JsonNode)b)]), ["asOf"] = "2025-12-01T10:00:00+00:00" },
        }.ToJsonString();

        var profile = ProfileJson.Deserialize(json);

        Assert.Equal([96 + 76, 96 + 77, 96 + 78, 96 + 79], profile.SendTime.Engagement.Keys.ToArray());
        Assert.All(profile.SendTime.Engagement.Values, v => Assert.Equal(0.5, v));
        Assert.Equal((2, new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero)), (profile.SendTime.EngagementCount, profile.SendTime.AsOf!.Value));
        Assert.False(JsonNode.Parse(ProfileJson.Serialize(profile))!.AsObject().ContainsKey("engagement"));
    }

    [Fact]
    public void Deserialize_NewProfile_KeepsItsModel()
    {
        var profile = ContactProfile.Create("c") with
        {
            SendTime = SendTimeModel.Empty.WithEngagement(SendTimeFixtures.T0, 3, false, SendTimeFixtures.HalfLife).WithDelivery(SendTimeFixtures.T0.AddDays(1), SendTimeFixtures.HalfLife),
        };

        var back = ProfileJson.Deserialize(ProfileJson.Serialize(profile)).SendTime;

        Assert.Equal(profile.SendTime.Engagement.Keys.ToArray(), back.Engagement.Keys.ToArray());
        Assert.Equal(profile.SendTime.Engagement.Values.ToArray(), back.Engagement.Values.ToArray());
        Assert.Equal(profile.SendTime.Deliveries.Keys.ToArray(), back.Deliveries.Keys.ToArray());
        Assert.Equal((profile.SendTime.AsOf, profile.SendTime.Since, profile.SendTime.ObservedHours), (back.AsOf, back.Since, back.ObservedHours));
    }

    [Fact]
    public void Deserialize_EmptyOldHistogram_IsAnEmptyModel()
    {
        var profile = ProfileJson.Deserialize("""{ "contactId": "c", "engagement": { "buckets": [], "asOf": null } }""");

        Assert.True(profile.SendTime.IsEmpty);
    }
}
