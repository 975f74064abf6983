using System.Collections.Immutable;
using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Portrait;

public sealed class PortraitProjectionTests
{
    [Fact]
    public void Apply_ReplacesThePreviousPortrait_AndLeavesManualPlatformAndOtherComputedTagsAlone()
    {
        var earlier = T0.AddDays(-1);
        var profile = ContactProfile.Create("c1") with
        {
            Tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, ProfileTag>
            {
                ["lifecycle_new"] = new("lifecycle_new", TagSource.Computed, earlier),
                ["value_low"] = new("value_low", TagSource.Computed, earlier),
                ["rfm_lost"] = new("rfm_lost", TagSource.Manual, earlier),
                ["vip"] = new("vip", TagSource.Platform, earlier),
                ["purchaser"] = new("purchaser", TagSource.Computed, earlier),
            }),
            Attributes = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, StampedValue>
            {
                [PortraitAttributes.LifecycleStage] = new("new", earlier, PortraitProjection.Source),
                [PortraitAttributes.ValueTier] = new("low", earlier, PortraitProjection.Source),
                [PortraitAttributes.TopCategories] = new("shoes", earlier, PortraitProjection.Source),
                [ProfileAttributes.FirstName] = new("Ada", earlier, "shopify"),
            }),
        };
        var portrait = new ContactPortrait(
            "c1",
            ["lifecycle_active", "value_low"],
            new Dictionary<string, string> { [PortraitAttributes.LifecycleStage] = "active", [PortraitAttributes.ValueTier] = "low" },
            null);

        var written = PortraitProjection.Apply(profile, portrait, T0);

        Assert.Equal(["lifecycle_active", "purchaser", "rfm_lost", "value_low", "vip"], written.Tags.Keys);
        Assert.Equal((TagSource.Computed, T0), (written.Tags["lifecycle_active"].Source, written.Tags["lifecycle_active"].AddedAt));
        Assert.Equal(earlier, written.Tags["value_low"].AddedAt);
        Assert.Equal(TagSource.Manual, written.Tags["rfm_lost"].Source);
        Assert.Equal(new StampedValue("active", T0, PortraitProjection.Source), written.Attributes[PortraitAttributes.LifecycleStage]);
        Assert.Equal(earlier, written.Attributes[PortraitAttributes.ValueTier].At);
        Assert.False(written.Attributes.ContainsKey(PortraitAttributes.TopCategories));
        Assert.Equal("Ada", written.Attribute(ProfileAttributes.FirstName));
        Assert.Same(written, PortraitProjection.Apply(written, portrait, T0.AddDays(1)));
    }

    [Fact]
    public void EngagementHours_FoldsUtcQuarterHoursOntoTheContactsLocalDay()
    {
        var monday0915 = new DateTimeOffset(2025, 1, 6, 9, 15, 0, TimeSpan.Zero);
        var model = SendTimeModel.Empty with
        {
            Engagement = SlotWeights.Empty.Add(WeekSlots.UtcSlot(monday0915), 2).Add(WeekSlots.UtcSlot(monday0915.AddDays(2).AddMinutes(30)), 1).Add(WeekSlots.UtcSlot(monday0915.AddHours(14)), 0.5),
        };

        var utc = EngagementHours.OfDay(model, null, monday0915);
        var berlin = EngagementHours.OfDay(model, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), monday0915);

        Assert.Equal(3d, utc[9]);
        Assert.Equal(0.5, utc[23]);
        Assert.Equal(3.5, utc.Sum());
        Assert.Equal(3d, berlin[10]);
        Assert.Equal(0.5, berlin[0]);
    }
}
