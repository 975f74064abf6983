namespace Nurture.Channels.Ingestion;

/// <summary>
/// Property names the SendGrid and Twilio mappers write next to <see cref="Core.Events.EventProperties"/> for delivery
/// feedback. Stored: never rename, add new ones.
/// </summary>
public static class DeliveryEventProperties
{
    /// <summary>The SMTP status of a bounce or deferral (<c>5.1.1</c>, <c>4.2.2</c>).</summary>
    public const string SmtpStatus = "smtpStatus";

    /// <summary>SendGrid's bounce classification (<c>Invalid Address</c>, <c>Technical</c>, ...).</summary>
    public const string BounceClassification = "bounceClassification";
}
