namespace Nurture.Channels.Sending;

/// <summary>Which provider each channel uses, and where the app is reachable (section <see cref="SectionName"/>).</summary>
public sealed class ChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Channels";

    /// <summary>The email channel: <c>Outbox</c> (default) or <c>SendGrid</c>.</summary>
    public EmailProvider Email { get; set; } = EmailProvider.Outbox;

    /// <summary>The SMS channel: <c>Outbox</c> (default) or <c>Twilio</c>.</summary>
    public SmsProvider Sms { get; set; } = SmsProvider.Outbox;

    /// <summary>
    /// The app's public HTTPS base URL (<c>https://nurture.example.com</c>): the root of Twilio's status callback
    /// (<c>/api/webhooks/twilio/status</c>) and of unsubscribe links (<c>/api/unsubscribe</c>). Required when a
    /// provider is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
