namespace Nurture.Core.Journeys.Policies;

/// <summary>The send policy's answer.</summary>
/// <param name="Verdict">Send, skip or defer.</param>
/// <param name="Reason">Why (for the timeline).</param>
/// <param name="Until">For <see cref="SendVerdict.Defer"/>: when to try again.</param>
public sealed record SendPolicyDecision(SendVerdict Verdict, string Reason, DateTimeOffset? Until = null)
{
    /// <summary>Send now.</summary>
    public static SendPolicyDecision SendNow { get; } = new(SendVerdict.Send, "allowed");

    /// <summary>Skip with a reason.</summary>
    /// <param name="reason">Why.</param>
    public static SendPolicyDecision Skip(string reason) => new(SendVerdict.Skip, reason);

    /// <summary>Defer with a reason.</summary>
    /// <param name="until">When to try again.</param>
    /// <param name="reason">Why.</param>
    public static SendPolicyDecision Defer(DateTimeOffset until, string reason) => new(SendVerdict.Defer, reason, until);
}
