namespace Nurture.Core.Metrics.Facts;

/// <summary>What a channel reported about a message. Stored by name: never rename a member.</summary>
public enum FeedbackKind
{
    /// <summary>Delivered to the recipient's mailbox or phone.</summary>
    Delivered,

    /// <summary>Opened (email); see <see cref="FeedbackFact.MachineOpen"/>.</summary>
    Opened,

    /// <summary>A link was clicked.</summary>
    Clicked,

    /// <summary>The recipient unsubscribed (link, list-unsubscribe, group unsubscribe, SMS STOP).</summary>
    Unsubscribed,

    /// <summary>Bounced, blocked, or (SMS) undelivered or failed.</summary>
    Bounced,

    /// <summary>Reported as spam.</summary>
    SpamReported,
}
