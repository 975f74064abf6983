using Nurture.Core.Journeys.Contacts;

namespace Nurture.Core.Profiles;

/// <summary>A contact's consent on one channel, with where it came from and when.</summary>
/// <param name="Status">Granted (opted in), denied (opted out) or unknown: the one consent status journeys also use.</param>
/// <param name="Source">Who recorded it (<c>shopify</c>, <c>sms_keyword</c>, <c>sendgrid:unsubscribe</c>, <c>manual</c>, ...).</param>
/// <param name="At">When the contact gave or withdrew it (the event's time, not when Nurture heard of it).</param>
/// <param name="Proof">Evidence: opt-in level, the inbound message id, the provider event id.</param>
public sealed record ConsentState(ConsentStatus Status, string? Source, DateTimeOffset? At, string? Proof)
{
    /// <summary>No consent recorded.</summary>
    public static ConsentState Unknown { get; } = new(ConsentStatus.Unknown, null, null, null);

    /// <summary>
    /// The state that wins when two are known: the later <see cref="At"/>; at the same instant an opt-out
    /// beats an opt-in (the safe side), then the source name decides so the choice is deterministic.
    /// </summary>
    /// <remarks>Commutative and associative, so events applied in any order reach the same consent.</remarks>
    public static ConsentState Latest(ConsentState a, ConsentState b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Status == ConsentStatus.Unknown || a.At is null)
        {
            return b.Status == ConsentStatus.Unknown ? a : b;
        }

        if (b.Status == ConsentStatus.Unknown || b.At is null)
        {
            return a;
        }

        var byTime = a.At.Value.CompareTo(b.At.Value);
        if (byTime != 0)
        {
            return byTime > 0 ? a : b;
        }

        if (a.Status != b.Status)
        {
            return a.Status == ConsentStatus.Denied ? a : b;
        }

        return string.CompareOrdinal(a.Source, b.Source) >= 0 ? a : b;
    }
}
