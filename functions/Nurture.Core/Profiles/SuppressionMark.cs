namespace Nurture.Core.Profiles;

/// <summary>One suppression to put on a profile's channel (from the suppression list, or from delivery feedback).</summary>
/// <param name="Channel"><c>email</c> or <c>sms</c>.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record SuppressionMark(string Channel, SuppressionReason Reason, DateTimeOffset At);
