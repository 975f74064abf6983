namespace Nurture.Channels.Feedback;

/// <summary>Where a sent message stands, as a provider's feedback says.</summary>
public enum DeliveryStatus
{
    /// <summary>Accepted and waiting at the provider (Twilio queued, accepted, scheduled, sending).</summary>
    Queued,

    /// <summary>SendGrid accepted it for delivery.</summary>
    Processed,

    /// <summary>Handed to the carrier (Twilio sent).</summary>
    Sent,

    /// <summary>Delivered to the mailbox or handset.</summary>
    Delivered,

    /// <summary>The receiving server asked to try later (SendGrid deferred).</summary>
    Deferred,

    /// <summary>Bounced for a reason that may pass (SendGrid bounce of type <c>blocked</c>, or a 4.x.x status).</summary>
    SoftBounced,

    /// <summary>Bounced for good (SendGrid bounce of type <c>bounce</c>, or a 5.x.x status): the address is unusable.</summary>
    HardBounced,

    /// <summary>SendGrid dropped it without trying (suppressed or invalid address, invalid message).</summary>
    Dropped,

    /// <summary>Twilio could not deliver it (undelivered).</summary>
    Undelivered,

    /// <summary>Twilio could not send it (failed).</summary>
    Failed,

    /// <summary>A scheduled message was canceled before it went.</summary>
    Canceled,

    /// <summary>Opened (see <see cref="DeliveryFeedback.MachineOpen"/> for privacy-proxy opens).</summary>
    Opened,

    /// <summary>A link in it was clicked.</summary>
    Clicked,

    /// <summary>The recipient marked it as spam.</summary>
    SpamReported,

    /// <summary>The recipient unsubscribed from all email.</summary>
    Unsubscribed,

    /// <summary>The recipient unsubscribed from one SendGrid unsubscribe group.</summary>
    GroupUnsubscribed,

    /// <summary>The recipient subscribed again to one SendGrid unsubscribe group.</summary>
    GroupResubscribed,
}
