using System.Collections.Immutable;

namespace Nurture.Core.Profiles;

/// <summary>
/// Merges two contacts when an event shows they are one person (e.g. a checkout carrying both an email
/// known on one contact and a phone known on another).
/// </summary>
/// <remarks>
/// The survivor is chosen deterministically (<see cref="ChooseSurvivor"/>) so two processors racing on the
/// same link pick the same one. Every part merges with the same rules the reducer uses (unions, sums,
/// minimums/maximums, last-writer-wins by event time, opt-out on ties), so merge order does not matter.
/// Events applied to both contacts before the merge would be counted twice; that cannot happen when each
/// event is applied to the one contact its identities resolve to.
/// </remarks>
public static class IdentityMerge
{
    /// <summary>The contact that keeps its id: the one seen first, then the ordinal smaller id.</summary>
    public static ContactProfile ChooseSurvivor(ContactProfile a, ContactProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var aFirst = a.FirstSeenAt ?? DateTimeOffset.MaxValue;
        var bFirst = b.FirstSeenAt ?? DateTimeOffset.MaxValue;
        if (aFirst != bFirst)
        {
            return aFirst < bFirst ? a : b;
        }

        return string.CompareOrdinal(a.ContactId, b.ContactId) <= 0 ? a : b;
    }

    /// <summary>One profile holding everything both held, under the survivor's id.</summary>
    public static ContactProfile Merge(ContactProfile a, ContactProfile b, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var survivor = ChooseSurvivor(a, b);
        var other = ReferenceEquals(survivor, a) ? b : a;
        var merged = new ContactProfile
        {
            ContactId = survivor.ContactId,
            FirstSeenAt = ProfileReducer.Min(a.FirstSeenAt, b.FirstSeenAt),
            CustomerIds = a.CustomerIds.Union(b.CustomerIds),
            Emails = a.Emails.Union(b.Emails),
            Phones = a.Phones.Union(b.Phones),
            Attributes = MergeBy(a.Attributes, b.Attributes, StampedValue.Latest),
            Orders = MergeOrders(a.Orders, b.Orders),
            Tags = MergeBy(a.Tags, b.Tags, PreferTag),
            EmailConsent = ConsentState.Latest(a.EmailConsent, b.EmailConsent),
            SmsConsent = ConsentState.Latest(a.SmsConsent, b.SmsConsent),
            EmailGroups = MergeBy(a.EmailGroups, b.EmailGroups, ConsentState.Latest),
            SendTime = a.SendTime.Merge(b.SendTime, options.EngagementHalfLife),
            LastActivityAt = ProfileReducer.Max(a.LastActivityAt, b.LastActivityAt),
            RecentEventIds = MergeRecent(survivor.RecentEventIds, other.RecentEventIds, options.RecentEventCapacity),
        };
        return ProfileReducer.WithPurchaseTags(merged);
    }

    private static OrderStats MergeOrders(OrderStats a, OrderStats b) => new()
    {
        FirstOrderAt = ProfileReducer.TwoEarliest(a.FirstOrderAt, a.SecondOrderAt, b.FirstOrderAt, b.SecondOrderAt).First,
        SecondOrderAt = ProfileReducer.TwoEarliest(a.FirstOrderAt, a.SecondOrderAt, b.FirstOrderAt, b.SecondOrderAt).Second,
        LastOrderAt = ProfileReducer.Max(a.LastOrderAt, b.LastOrderAt),
        OrderCount = a.OrderCount + b.OrderCount,
        CancelledCount = a.CancelledCount + b.CancelledCount,
        OrderedTotal = a.OrderedTotal + b.OrderedTotal,
        RefundedTotal = a.RefundedTotal + b.RefundedTotal,
        Currency = a.Currency ?? b.Currency,
        Categories = a.Categories.Union(b.Categories),
        Products = a.Products.Union(b.Products),
    };

    /// <summary>Manual beats platform beats computed; within a source the earlier tag.</summary>
    private static ProfileTag PreferTag(ProfileTag a, ProfileTag b)
    {
        if (a.Source != b.Source)
        {
            return Rank(a.Source) >= Rank(b.Source) ? a : b;
        }

        return a.AddedAt <= b.AddedAt ? a : b;

        static int Rank(TagSource source) => source switch
        {
            TagSource.Manual => 2,
            TagSource.Platform => 1,
            _ => 0,
        };
    }

    private static ImmutableSortedDictionary<string, T> MergeBy<T>(
        ImmutableSortedDictionary<string, T> a,
        ImmutableSortedDictionary<string, T> b,
        Func<T, T, T> pick)
    {
        var merged = a;
        foreach (var (key, value) in b)
        {
            merged = merged.SetItem(key, merged.TryGetValue(key, out var mine) ? pick(mine, value) : value);
        }

        return merged;
    }

    private static ImmutableArray<string> MergeRecent(ImmutableArray<string> first, ImmutableArray<string> second, int capacity)
    {
        var ids = first.Concat(second.Where(id => !first.Contains(id))).ToImmutableArray();
        return capacity > 0 && ids.Length > capacity ? ids.RemoveRange(0, ids.Length - capacity) : ids;
    }
}
