namespace Nurture.Channels.Unsubscribe;

/// <summary>The outcome of verifying a token.</summary>
/// <param name="Status">Valid, or why not.</param>
/// <param name="Token">What the token says; set when valid or expired (an expired token is still ours).</param>
public sealed record UnsubscribeTokenVerification(UnsubscribeTokenStatus Status, UnsubscribeToken? Token)
{
    /// <summary>True when the token is valid.</summary>
    public bool IsValid => Status == UnsubscribeTokenStatus.Valid;
}
