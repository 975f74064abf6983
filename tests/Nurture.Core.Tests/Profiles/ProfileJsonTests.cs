using System.Text.Json.Nodes;
using Nurture.Core.Events;
using Nurture.Core.Profiles;
using static Nurture.Core.Tests.Profiles.Events;

namespace Nurture.Core.Tests.Profiles;

public sealed class ProfileJsonTests
{
    [Fact]
    public void RoundTrip_KeepsEverything_WithOrdinalCollections()
    {
        var options = new ProfileOptions { DefaultCallingCode = "1" };
        var profile = ProfileReducer.ApplyAll(ContactProfile.Create("c"),
        [
            Order("o1", T0, 100m, ("p1", "Shoes")),
            Order("o2", T0.AddDays(2), 20m, ("p\u00AD1", "Shoes")),
            Consent("s", "sms", "unsubscribed", T0),
            Make("cu", EventTypes.CustomerUpdated, T0, new JsonObject { ["firstName"] = "Zoë", ["tags"] = new JsonArray("vip") }),
            Open("op", T0.AddHours(1), machine: false),
        ], options);

        var json = ProfileJson.Serialize(profile);
        var back = ProfileJson.Deserialize(json);

        Assert.Equal(ProfileSnapshot.Of(profile), ProfileSnapshot.Of(back));
        Assert.Equal(profile.RecentEventIds.ToArray(), back.RecentEventIds.ToArray());
        Assert.Equal(2, back.Orders.Products.Count);
        Assert.Contains("\"status\":\"Denied\"", json, StringComparison.Ordinal);
        Assert.Same(StringComparer.Ordinal, back.Orders.Products.KeyComparer);
    }
}
