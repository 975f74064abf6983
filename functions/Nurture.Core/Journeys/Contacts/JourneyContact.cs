using System.Text.Json;
using System.Text.Json.Serialization;
using Nurture.Core.Journeys.Model;
using Nurture.Core.SendTime;

namespace Nurture.Core.Journeys.Contacts;

/// <summary>
/// The narrow view of a contact's profile that journeys need. The runner maps the stored profile to it; it
/// carries no addresses, only whether they exist.
/// </summary>
/// <param name="ContactId">Nurture's contact id.</param>
/// <param name="TimeZone">IANA time zone id (e.g. <c>Europe/Berlin</c>); null or unknown means UTC.</param>
/// <param name="Tags">Profile tags.</param>
/// <param name="Attributes">Profile attributes.</param>
/// <param name="Consent">Marketing consent per channel; missing means <see cref="ConsentStatus.Unknown"/>.</param>
/// <param name="Suppressed">Channels the contact must never receive on (bounce, spam report, erasure).</param>
/// <param name="HasEmail">Whether an email address is known.</param>
/// <param name="HasPhone">Whether a phone number is known.</param>
/// <param name="OrderCount">Orders placed.</param>
/// <param name="TotalSpent">Total order value.</param>
/// <param name="LastOrderAt">When the last order was placed.</param>
/// <param name="FirstSeenAt">When the contact was first seen.</param>
/// <param name="SendTime">The contact's send-time model valued at the time of the view; null when there is none.</param>
public sealed record JourneyContact(
    string ContactId,
    string? TimeZone = null,
    IReadOnlySet<string>? Tags = null,
    IReadOnlyDictionary<string, JsonElement>? Attributes = null,
    IReadOnlyDictionary<MessageChannel, ConsentStatus>? Consent = null,
    IReadOnlySet<MessageChannel>? Suppressed = null,
    bool HasEmail = false,
    bool HasPhone = false,
    int OrderCount = 0,
    decimal TotalSpent = 0m,
    DateTimeOffset? LastOrderAt = null,
    DateTimeOffset? FirstSeenAt = null,
    SendTimeModel? SendTime = null)
{
    /// <summary>Tags, never null.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> TagsOrEmpty => Tags ?? EmptyTags;

    /// <summary>Attributes, never null.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> AttributesOrEmpty => Attributes ?? EmptyAttributes;

    /// <summary>Marketing consent on a channel.</summary>
    /// <param name="channel">The channel.</param>
    public ConsentStatus ConsentFor(MessageChannel channel) =>
        Consent is not null && Consent.TryGetValue(channel, out var status) ? status : ConsentStatus.Unknown;

    /// <summary>Whether the channel is suppressed.</summary>
    /// <param name="channel">The channel.</param>
    public bool IsSuppressed(MessageChannel channel) => Suppressed?.Contains(channel) == true;

    /// <summary>Whether an address for the channel is known.</summary>
    /// <param name="channel">The channel.</param>
    public bool HasAddressFor(MessageChannel channel) => channel == MessageChannel.Email ? HasEmail : HasPhone;

    private static readonly IReadOnlySet<string> EmptyTags = new HashSet<string>();
    private static readonly IReadOnlyDictionary<string, JsonElement> EmptyAttributes = new Dictionary<string, JsonElement>();
}
