using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Journeys.Policies;

/// <summary>A send about to happen, with what the policy needs to judge it.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Marketing">Marketing or transactional.</param>
/// <param name="Priority">Priority when capped.</param>
/// <param name="Contact">The recipient.</param>
/// <param name="Zone">The recipient's resolved time zone.</param>
/// <param name="Now">Decision time.</param>
/// <param name="RecentSends">Messages already sent to the contact (any journey), not including this one.</param>
public sealed record SendRequest(
    MessageChannel Channel,
    bool Marketing,
    SendPriority Priority,
    JourneyContact Contact,
    TimeZoneInfo Zone,
    DateTimeOffset Now,
    IReadOnlyList<SentMessage> RecentSends);
