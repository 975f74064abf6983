namespace Nurture.Channels.Sending;

/// <summary>Where SMS goes (setting <c>Channels:Sms</c>).</summary>
public enum SmsProvider
{
    /// <summary>The local outbox table: nothing leaves the machine (the default).</summary>
    Outbox,

    /// <summary>Twilio's Messages API.</summary>
    Twilio,
}
