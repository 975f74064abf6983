namespace Nurture.Channels.Sending;

/// <summary>The answer of <see cref="IMessageChannel.CheckAcceptedAsync"/>.</summary>
/// <param name="Answer">Accepted, not accepted, or unknown.</param>
/// <param name="Result">The send's result when accepted (with the provider's id).</param>
/// <param name="Reason">Why the answer is what it is (no personal data).</param>
public sealed record AcceptanceCheck(AcceptanceAnswer Answer, ChannelSendResult? Result, string Reason)
{
    /// <summary>The provider holds it.</summary>
    /// <param name="result">The result to record.</param>
    /// <param name="reason">How it was found.</param>
    public static AcceptanceCheck Accepted(ChannelSendResult result, string reason) => new(AcceptanceAnswer.Accepted, result, reason);

    /// <summary>The provider does not hold it.</summary>
    /// <param name="reason">How that is known.</param>
    public static AcceptanceCheck NotAccepted(string reason) => new(AcceptanceAnswer.NotAccepted, null, reason);

    /// <summary>The provider cannot tell.</summary>
    /// <param name="reason">Why not.</param>
    public static AcceptanceCheck Unknown(string reason) => new(AcceptanceAnswer.Unknown, null, reason);
}
