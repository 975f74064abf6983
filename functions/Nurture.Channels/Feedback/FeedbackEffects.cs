namespace Nurture.Channels.Feedback;

/// <summary>What a piece of delivery feedback implies for the contact; the caller applies it to the profile.</summary>
[Flags]
public enum FeedbackEffects
{
    /// <summary>Nothing beyond the status.</summary>
    None = 0,

    /// <summary>Turn consent off for the channel (unsubscribe, spam report, Twilio 21610); for a group unsubscribe, only for that group.</summary>
    WithdrawConsent = 1,

    /// <summary>Suppress the address or number: never send to it again (hard bounce, spam report, unusable number).</summary>
    Suppress = 2,

    /// <summary>Evidence of attention for engagement and send-time learning (clicks, human opens; never machine opens).</summary>
    Engagement = 4,
}
