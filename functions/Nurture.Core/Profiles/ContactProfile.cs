using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Nurture.Core.SendTime;

namespace Nurture.Core.Profiles;

/// <summary>
/// The user portrait: who a contact is, what they bought, what they agreed to and when they engage. Built
/// only by <see cref="ProfileReducer"/> and <see cref="IdentityMerge"/>, never edited field by field.
/// </summary>
public sealed record ContactProfile
{
    /// <summary>Nurture's id for the contact.</summary>
    public required string ContactId { get; init; }

    /// <summary>The earliest event time seen for the contact.</summary>
    public DateTimeOffset? FirstSeenAt { get; init; }

    /// <summary>Platform-qualified shop customer ids (<c>shopify:123</c>).</summary>
    public ImmutableSortedSet<string> CustomerIds { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Normalised email addresses.</summary>
    public ImmutableSortedSet<string> Emails { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>E.164 phone numbers.</summary>
    public ImmutableSortedSet<string> Phones { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Attributes by name (<see cref="ProfileAttributes"/>), each with the time it was set.</summary>
    public ImmutableSortedDictionary<string, StampedValue> Attributes { get; init; } = ImmutableSortedDictionary.Create<string, StampedValue>(StringComparer.Ordinal);

    /// <summary>Order statistics.</summary>
    public OrderStats Orders { get; init; } = OrderStats.None;

    /// <summary>Tags by name.</summary>
    public ImmutableSortedDictionary<string, ProfileTag> Tags { get; init; } = ImmutableSortedDictionary.Create<string, ProfileTag>(StringComparer.Ordinal);

    /// <summary>Email marketing consent.</summary>
    public ConsentState EmailConsent { get; init; } = ConsentState.Unknown;

    /// <summary>SMS marketing consent.</summary>
    public ConsentState SmsConsent { get; init; } = ConsentState.Unknown;

    /// <summary>Email suppression: the latest suppression of an address on the channel and the latest explicit opt-in.</summary>
    public SuppressionState EmailSuppression { get; init; } = SuppressionState.None;

    /// <summary>SMS suppression: the latest suppression of a number on the channel and the latest explicit opt-in.</summary>
    public SuppressionState SmsSuppression { get; init; } = SuppressionState.None;

    /// <summary>Consent per email unsubscribe group (SendGrid ASM group id).</summary>
    public ImmutableSortedDictionary<string, ConsentState> EmailGroups { get; init; } = ImmutableSortedDictionary.Create<string, ConsentState>(StringComparer.Ordinal);

    /// <summary>When the contact pays attention: genuine engagement and our deliveries, for choosing send times.</summary>
    public SendTimeModel SendTime { get; init; } = SendTimeModel.Empty;

    /// <summary>The latest genuine engagement (any event with an engagement weight, machine opens excepted).</summary>
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>The ids of the most recently applied events, oldest first (bounded; see <see cref="ProfileOptions.RecentEventCapacity"/>).</summary>
    public ImmutableArray<string> RecentEventIds { get; init; } = [];

    /// <summary>Reads the hour-of-week histogram that profiles stored before <see cref="SendTime"/> existed; never written.</summary>
    [JsonInclude]
    [JsonPropertyName("engagement")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private LegacyEngagementHistogram? LegacyEngagement
    {
        get => null;
        init
        {
            if (SendTime.IsEmpty && value?.ToModel() is { } model)
            {
                SendTime = model;
            }
        }
    }

    /// <summary>An empty profile for a new contact.</summary>
    public static ContactProfile Create(string contactId)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        return new ContactProfile { ContactId = contactId };
    }

    /// <summary>An attribute's value, or null.</summary>
    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value.Value : null;
}
