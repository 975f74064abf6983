using Nurture.Core.Events;

namespace Nurture.Core.Profiles;

/// <summary>How the profile reducer weighs and normalises (bound from the <c>Profiles</c> configuration section).</summary>
public sealed class ProfileOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Profiles";

    /// <summary>
    /// Half-life of the send-time evidence (engagement and deliveries in <see cref="ContactProfile.SendTime"/>).
    /// Default 60 days: histories are sparse, and routines change slowly (tuned on the send-time harness).
    /// </summary>
    public TimeSpan EngagementHalfLife { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How many recently applied event ids a profile remembers for idempotency. Default 256.</summary>
    public int RecentEventCapacity { get; set; } = 256;

    /// <summary>
    /// Calling code (digits, no <c>+</c>) assumed for phone numbers written without one, e.g. <c>1</c> or
    /// <c>44</c>; null means such numbers are not trusted and are dropped.
    /// </summary>
    public string? DefaultCallingCode { get; set; }

    /// <summary>
    /// Evidence weight per event type for the send-time model; types not listed do not count as engagement
    /// (nor as activity). Machine opens (privacy-proxy prefetches) never count, whatever this says.
    /// </summary>
    public IDictionary<string, double> EngagementWeights { get; set; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [EventTypes.EmailOpened] = 1,
        [EventTypes.EmailClicked] = 2,
        [EventTypes.SmsReceived] = 1,
        [EventTypes.OrderPlaced] = 3,
        [EventTypes.CheckoutStarted] = 2,
        [EventTypes.CheckoutUpdated] = 1,
        [EventTypes.CartUpdated] = 1,
        [EventTypes.AddedToCart] = 1.5,
        [EventTypes.PageViewed] = 0.5,
        [EventTypes.ProductViewed] = 1,
        [EventTypes.Searched] = 1,
        [EventTypes.ReviewSubmitted] = 1,
        [EventTypes.Shared] = 1,
    };
}
