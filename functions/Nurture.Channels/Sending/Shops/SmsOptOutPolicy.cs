namespace Nurture.Channels.Sending.Shops;

/// <summary>When a shop's SMS carry its opt-out line ("Reply STOP to opt out").</summary>
public enum SmsOptOutPolicy
{
    /// <summary>Never appended (the shop puts it in its templates itself).</summary>
    Never,

    /// <summary>On the first SMS the send ledger has for the contact, whatever its kind.</summary>
    FirstMessage,

    /// <summary>On every marketing SMS, and on a transactional one when it is the contact's first.</summary>
    EveryMarketing,
}
