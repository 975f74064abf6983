using Nurture.Core.Profiles;

namespace Nurture.Core.Metrics.Portrait;

/// <summary>Writes a computed portrait onto a profile, replacing the previous portrait and nothing else.</summary>
public static class PortraitProjection
{
    /// <summary>The <see cref="StampedValue.Source"/> of the portrait's attributes.</summary>
    public const string Source = "scoring";

    /// <summary>
    /// The profile with the portrait's tags and attributes: computed portrait tags (<see cref="PortraitTags.IsPortraitTag"/>)
    /// and portrait attributes (<see cref="PortraitAttributes.All"/>) not in the portrait are removed, the rest set.
    /// Manual and platform tags, other computed tags and other attributes are left alone; a manual or platform tag of
    /// a portrait tag's name is kept as it is. Returns <paramref name="profile"/> itself when nothing changes.
    /// </summary>
    /// <param name="profile">The current profile.</param>
    /// <param name="portrait">The portrait to write.</param>
    /// <param name="at">The scoring time, stamped on new tags and changed attributes.</param>
    public static ContactProfile Apply(ContactProfile profile, ContactPortrait portrait, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(portrait);
        var tags = profile.Tags.ToBuilder();
        foreach (var (name, tag) in profile.Tags)
        {
            if (tag.Source == TagSource.Computed && PortraitTags.IsPortraitTag(name) && !portrait.Tags.Contains(name))
            {
                tags.Remove(name);
            }
        }

        foreach (var name in portrait.Tags)
        {
            if (!tags.ContainsKey(name))
            {
                tags[name] = new ProfileTag(name, TagSource.Computed, at);
            }
        }

        var attributes = profile.Attributes.ToBuilder();
        foreach (var name in PortraitAttributes.All)
        {
            if (!portrait.Attributes.TryGetValue(name, out var value))
            {
                attributes.Remove(name);
            }
            else if (!attributes.TryGetValue(name, out var current) || current.Value != value)
            {
                attributes[name] = new StampedValue(value, at, Source);
            }
        }

        var newTags = tags.ToImmutable();
        var newAttributes = attributes.ToImmutable();
        var sameTags = newTags.Count == profile.Tags.Count && newTags.All(t => profile.Tags.TryGetValue(t.Key, out var old) && old == t.Value);
        var sameAttributes = newAttributes.Count == profile.Attributes.Count && newAttributes.All(a => profile.Attributes.TryGetValue(a.Key, out var old) && old == a.Value);
        return sameTags && sameAttributes ? profile : profile with { Tags = newTags, Attributes = newAttributes };
    }
}
