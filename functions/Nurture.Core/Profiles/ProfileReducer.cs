using System.Collections.Immutable;
using System.Globalization;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.SendTime;

namespace Nurture.Core.Profiles;

/// <summary>
/// Folds one canonical event into a contact's profile: <c>Apply(profile, event) → profile</c>, pure (no
/// clock, no I/O), so the queue handler loads, applies and saves with If-Match, retrying on conflict.
/// </summary>
/// <remarks>
/// <para>Idempotency: a profile remembers the ids of its last <see cref="ProfileOptions.RecentEventCapacity"/>
/// applied events and ignores a repeat. Older duplicates are caught before the reducer by the event store,
/// whose insert of the event row fails for an id it already holds.</para>
/// <para>Order: every update is order-insensitive. Times are minimums or maximums, counters and sums
/// commute, sets are unions, attributes and consent are last-writer-wins by event time (ties broken by
/// value), and send-time evidence decay is computed from event times. A late delivery lands where it would have
/// landed on time.</para>
/// </remarks>
public static partial class ProfileReducer
{
    /// <summary>Computed tag: has placed an order.</summary>
    public const string PurchaserTag = "purchaser";

    /// <summary>Computed tag: has placed two or more orders.</summary>
    public const string RepeatPurchaserTag = "repeat_purchaser";

    /// <summary>Computed tag: an email to the contact bounced.</summary>
    public const string EmailBouncedTag = "email_bounced";

    /// <summary>Computed tag: the contact's phone number cannot take SMS (the provider said it is invalid or not a mobile).</summary>
    public const string PhoneUnusableTag = "phone_unusable";

    /// <summary>Computed tag: the contact reported an email as spam.</summary>
    public const string EmailComplainedTag = "email_complained";

    private const int MaxAttributeLength = 256;

    /// <summary>The profile after <paramref name="evt"/>; the same instance when the event was already applied.</summary>
    public static ContactProfile Apply(ContactProfile profile, CanonicalEvent evt, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(options);
        if (profile.RecentEventIds.Contains(evt.EventId))
        {
            return profile;
        }

        var next = ApplyIdentity(profile, evt, options);
        next = ApplyAttributes(next, evt);
        next = evt.Type switch
        {
            EventTypes.OrderPlaced => ApplyConsentFields(ApplyOrderPlaced(next, evt), evt),
            EventTypes.OrderPaid or EventTypes.OrderFulfilled or EventTypes.OrderUpdated => ApplyConsentFields(next, evt),
            EventTypes.OrderCancelled => next with { Orders = next.Orders with { CancelledCount = next.Orders.CancelledCount + 1 } },
            EventTypes.RefundCreated => ApplyRefund(next, evt),
            EventTypes.ConsentChanged => ApplyConsentChange(next, evt),
            EventTypes.CustomerCreated or EventTypes.CustomerUpdated => ApplyCustomer(next, evt),
            EventTypes.EmailUnsubscribed => WithConsent(next, "email", Consent(ConsentStatus.Denied, "sendgrid:unsubscribe", evt)),
            EventTypes.EmailSpamReported => Suppress(
                AddComputedTag(WithConsent(next, "email", Consent(ConsentStatus.Denied, "sendgrid:spamreport", evt)), EmailComplainedTag, evt.OccurredAt),
                "email",
                SuppressionReason.SpamReport,
                evt.OccurredAt),
            EventTypes.EmailBounced => AddComputedTag(next, EmailBouncedTag, evt.OccurredAt),
            EventTypes.EmailGroupUnsubscribed => ApplyGroup(next, evt, ConsentStatus.Denied),
            EventTypes.EmailGroupResubscribed => ApplyGroup(next, evt, ConsentStatus.Granted),
            EventTypes.SmsStatusChanged => ApplySmsStatus(next, evt),
            _ => next,
        };
        next = ApplyEngagement(next, evt, options);
        return Remember(next, evt.EventId, options.RecentEventCapacity);
    }

    /// <summary>Applies events in the given order (a convenience for rebuilding a profile from a timeline).</summary>
    public static ContactProfile ApplyAll(ContactProfile profile, IEnumerable<CanonicalEvent> events, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(profile, (current, evt) => Apply(current, evt, options));
    }

    private static ContactProfile ApplyIdentity(ContactProfile profile, CanonicalEvent evt, ProfileOptions options)
    {
        var identity = IdentityNormalizer.Normalize(evt.Source, evt.Contact, options.DefaultCallingCode);
        return profile with
        {
            FirstSeenAt = Min(profile.FirstSeenAt, evt.OccurredAt),
            CustomerIds = identity.CustomerKey is null ? profile.CustomerIds : profile.CustomerIds.Add(identity.CustomerKey),
            Emails = identity.Email is null ? profile.Emails : profile.Emails.Add(identity.Email),
            Phones = identity.Phone is null ? profile.Phones : profile.Phones.Add(identity.Phone),
        };
    }

    private static ContactProfile ApplyAttributes(ContactProfile profile, CanonicalEvent evt)
    {
        var attributes = profile.Attributes;
        var source = evt.Source.ToString().ToLowerInvariant();
        foreach (var name in ProfileAttributes.All)
        {
            var value = EventJson.String(evt.Properties, name)?.Trim();
            if (!IsAcceptable(name, value))
            {
                continue;
            }

            var stamped = new StampedValue(value!, evt.OccurredAt, source);
            attributes = attributes.SetItem(name, attributes.TryGetValue(name, out var current) ? StampedValue.Latest(current, stamped) : stamped);
        }

        return attributes == profile.Attributes ? profile : profile with { Attributes = attributes };
    }

    private static bool IsAcceptable(string name, string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxAttributeLength
        && !value.Any(char.IsControl)
        && (name != ProfileAttributes.Birthday || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    private static ContactProfile ApplyEngagement(ContactProfile profile, CanonicalEvent evt, ProfileOptions options)
    {
        var kind = SendTimeEvidence.Classify(evt, options.EngagementWeights, out var weight);
        return kind switch
        {
            EvidenceKind.Delivery => profile with { SendTime = profile.SendTime.WithDelivery(evt.OccurredAt, options.EngagementHalfLife) },
            EvidenceKind.Engagement or EvidenceKind.Response => profile with
            {
                SendTime = profile.SendTime.WithEngagement(evt.OccurredAt, weight, kind == EvidenceKind.Response, options.EngagementHalfLife),
                LastActivityAt = Max(profile.LastActivityAt, evt.OccurredAt),
            },
            _ => profile,
        };
    }

    private static ContactProfile Remember(ContactProfile profile, string eventId, int capacity)
    {
        var ids = profile.RecentEventIds.Add(eventId);
        if (capacity > 0 && ids.Length > capacity)
        {
            ids = ids.RemoveRange(0, ids.Length - capacity);
        }

        return profile with { RecentEventIds = ids };
    }

    internal static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a <= b ? a : b;

    internal static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a >= b ? a : b;
}
