using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using Nurture.Functions.Journeys;

namespace Nurture.Functions.SendTime;

/// <summary>
/// Answers "when should this contact get a message in this window": the contact's model, the shop's pattern, the
/// channel's quiet hours and the frequency cap given the contact's recent marketing sends, as a journey step would
/// decide, but never exploring (an advice is not a send).
/// </summary>
public sealed class SendTimeAdvice(ShopSendTimes patterns, JourneyStorage journeys, SendPolicyOptions policy, IOptions<ProfileOptions> profileOptions, SendTimeOptions options)
{
    /// <summary>The shop's pattern (read once for a batch of advices).</summary>
    public Task<ShopSendTimePattern?> ShopPatternAsync(CancellationToken cancellationToken) => patterns.GetAsync(cancellationToken);

    /// <summary>The advice for <paramref name="profile"/>.</summary>
    public async Task<SendTimeView> AdviseAsync(ContactProfile profile, SendTimeQuery query, ShopSendTimePattern? shop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<BlockedInterval>? blocked = null;
        if (policy.CapFor(query.Channel) is { } cap)
        {
            await journeys.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            var sends = await journeys.Ledger.RecentSendsAsync(profile.ContactId, query.From - cap.Window, cancellationToken).ConfigureAwait(false);
            blocked = CapIntervals.Blocked(sends.Where(s => s.Channel == query.Channel && s.Marketing && s.SentAt <= query.From).Select(s => s.SentAt), cap);
        }

        var model = profile.SendTime.IsEmpty ? null : profile.SendTime.DecayedTo(query.From, profileOptions.Value.EngagementHalfLife);
        var choice = SendTimeAdvisor.Advise(
            model,
            profile.Attribute(ProfileAttributes.TimeZone),
            shop,
            query.From,
            query.Within,
            policy.QuietHoursFor(query.Channel),
            blocked,
            explorationKey: null,
            options);
        return SendTimeView.Of(profile.ContactId, query, choice);
    }
}
