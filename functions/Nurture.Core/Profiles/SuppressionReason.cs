namespace Nurture.Core.Profiles;

/// <summary>Why an address or a channel must not be messaged.</summary>
/// <remarks>Stored by name in profiles and in the suppression list: add new names, never rename one.</remarks>
public enum SuppressionReason
{
    /// <summary>The contact withdrew marketing consent (an unsubscribe link, a shop's consent update): marketing stops, transactional messages do not.</summary>
    Unsubscribed,

    /// <summary>The contact replied STOP, or the carrier says they did (Twilio 21610): no SMS at all.</summary>
    SmsStop,

    /// <summary>The address bounced for good (or the provider refused it as invalid): no email at all.</summary>
    HardBounce,

    /// <summary>The contact reported an email as spam: no email at all.</summary>
    SpamReport,

    /// <summary>The contact was erased: nothing at all, and only a salted hash of the address remains.</summary>
    Erased,
}
