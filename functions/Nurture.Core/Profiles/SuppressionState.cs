namespace Nurture.Core.Profiles;

/// <summary>
/// A channel's suppression on a profile: the latest time an address on it was suppressed (and why), and the latest
/// explicit opt-in. The channel is suppressed while no explicit opt-in is dated after the suppression.
/// </summary>
/// <remarks>
/// Both times only ever move forward (maximums), so the state is the same whatever order the events arrive in.
/// An explicit opt-in is a consent grant that is a consent event in its own right (an SMS START, a shop's consent
/// update, a consent event on the track API) or that carries the source's own consent time
/// (<c>consent_updated_at</c>); a grant dated only by the payload (an order's <c>buyer_accepts_marketing</c>, a
/// consent object without its own time) never lifts a suppression.
/// </remarks>
/// <param name="Reason">Why the latest suppression was made; null when never suppressed.</param>
/// <param name="SuppressedAt">When; null when never suppressed.</param>
/// <param name="OptedInAt">The latest explicit opt-in; null when none.</param>
public sealed record SuppressionState(SuppressionReason? Reason, DateTimeOffset? SuppressedAt, DateTimeOffset? OptedInAt)
{
    /// <summary>Never suppressed, never explicitly opted in.</summary>
    public static SuppressionState None { get; } = new(null, null, null);

    /// <summary>Whether the channel is suppressed now: a suppression with no explicit opt-in dated after it.</summary>
    public bool IsActive => SuppressedAt is { } suppressed && !(OptedInAt > suppressed);

    /// <summary>The state with a suppression at <paramref name="at"/>; the later of two wins, at the same instant the stronger reason.</summary>
    public SuppressionState Suppress(SuppressionReason reason, DateTimeOffset at)
    {
        if (SuppressedAt is { } current && (current > at || (current == at && Reason >= reason)))
        {
            return this;
        }

        return this with { Reason = reason, SuppressedAt = at };
    }

    /// <summary>The state with an explicit opt-in at <paramref name="at"/> (the later of two wins).</summary>
    public SuppressionState OptIn(DateTimeOffset at) => OptedInAt >= at ? this : this with { OptedInAt = at };

    /// <summary>Whether the suppression stops every message on the channel, not only marketing.</summary>
    public bool BlocksEverything => IsActive && Reason != SuppressionReason.Unsubscribed;
}
