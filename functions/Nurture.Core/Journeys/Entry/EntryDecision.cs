using Nurture.Core.Journeys.Runtime;

namespace Nurture.Core.Journeys.Entry;

/// <summary>Whether a contact enters a journey; when it does, the pending instance to create and start.</summary>
/// <param name="Enters">Whether to create an instance.</param>
/// <param name="Reason">Why (for logs and the API; no personal data).</param>
/// <param name="State">The pending instance, when entering.</param>
public sealed record EntryDecision(bool Enters, string Reason, JourneyState? State = null)
{
    /// <summary>Not entering.</summary>
    /// <param name="reason">Why.</param>
    public static EntryDecision Rejected(string reason) => new(false, reason);
}
