using System.Globalization;
using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Metrics.Portrait;

/// <summary>
/// A contact's computed portrait: the tags and attributes to write to the profile, replacing the previous
/// portrait's (<see cref="PortraitTags.IsPortraitTag"/>, <see cref="PortraitAttributes.All"/>).
/// </summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Tags">Computed tags, sorted.</param>
/// <param name="Attributes">Computed attributes by name (sorted); a name that is absent should be removed.</param>
/// <param name="RescoreAt">The earliest instant at which time alone changes the portrait (scores or interests).</param>
public sealed record ContactPortrait(string ContactId, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset? RescoreAt)
{
    /// <summary>Builds the portrait from a score and, when known, interests and active time.</summary>
    /// <param name="score">The contact's scores.</param>
    /// <param name="interests">Top categories and products, if computed.</param>
    /// <param name="activeTime">Usual engagement hours, if known.</param>
    public static ContactPortrait Compose(ContactScore score, InterestProfile? interests = null, ActiveTime? activeTime = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        var tags = new List<string>(8) { PortraitTags.LifecyclePrefix + MetricNames.Of(score.Stage) };
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [PortraitAttributes.LifecycleStage] = MetricNames.Of(score.Stage),
        };
        Set(attributes, PortraitAttributes.LifecycleStageSince, score.StageSince);
        if (score.Rfm is { } rfm)
        {
            attributes[PortraitAttributes.RfmRecency] = Text(rfm.Recency);
            attributes[PortraitAttributes.RfmFrequency] = Text(rfm.Frequency);
            attributes[PortraitAttributes.RfmMonetary] = Text(rfm.Monetary);
            attributes[PortraitAttributes.RfmCode] = rfm.Code;
        }

        if (score.Segment is { } segment)
        {
            tags.Add(PortraitTags.RfmPrefix + MetricNames.Of(segment));
            attributes[PortraitAttributes.RfmSegment] = MetricNames.Of(segment);
        }

        if (score.PurchaseCycle is { } cycle)
        {
            attributes[PortraitAttributes.PurchaseCycleDays] = Math.Round(cycle.TotalDays, 1).ToString(CultureInfo.InvariantCulture);
        }

        Set(attributes, PortraitAttributes.ExpectedNextOrderAt, score.ExpectedNextOrderAt);
        if (score.OrderOverdue)
        {
            tags.Add(PortraitTags.OrderOverdue);
        }

        if (score.SpendingPower is { } power)
        {
            tags.Add(PortraitTags.SpendingPowerPrefix + MetricNames.Of(power));
            attributes[PortraitAttributes.SpendingPower] = MetricNames.Of(power);
        }

        if (score.ValueTier is { } tier)
        {
            tags.Add(PortraitTags.ValuePrefix + MetricNames.Of(tier));
            attributes[PortraitAttributes.ValueTier] = MetricNames.Of(tier);
        }

        AddInterests(tags, attributes, interests);
        if (activeTime is not null)
        {
            tags.Add(PortraitTags.ActivePrefix + MetricNames.Of(activeTime.DayPart));
            attributes[PortraitAttributes.ActiveDayPart] = MetricNames.Of(activeTime.DayPart);
            attributes[PortraitAttributes.ActiveHours] = string.Join(',', activeTime.Hours.Select(Text).ToArray());
        }

        var rescoreAt = score.RescoreAt;
        if (interests?.StableUntil is { } stable && (rescoreAt is null || stable < rescoreAt))
        {
            rescoreAt = stable;
        }

        tags.Sort(StringComparer.Ordinal);
        return new ContactPortrait(score.ContactId, tags, attributes, rescoreAt);
    }

    private static void AddInterests(List<string> tags, SortedDictionary<string, string> attributes, InterestProfile? interests)
    {
        if (interests is null)
        {
            return;
        }

        foreach (var category in interests.Categories)
        {
            tags.Add(PortraitTags.InterestPrefix + category.Value);
        }

        foreach (var product in interests.Products)
        {
            tags.Add(PortraitTags.InterestProductPrefix + product.Value);
        }

        if (interests.Categories.Count > 0)
        {
            attributes[PortraitAttributes.TopCategories] = Joined(interests.Categories);
        }

        if (interests.Products.Count > 0)
        {
            attributes[PortraitAttributes.TopProducts] = Joined(interests.Products);
        }
    }

    private static void Set(SortedDictionary<string, string> attributes, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            attributes[name] = value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Joined(IReadOnlyList<RankedInterest> interests)
    {
        var values = new string[interests.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = interests[i].Value;
        }

        return string.Join(',', values);
    }
}
