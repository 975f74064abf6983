namespace Nurture.Channels.Sending.Twilio;

/// <summary>The SMS body as sent: the rendered body plus the opt-out line when the shop asks for it (pure).</summary>
public static class SmsBody
{
    /// <summary>The body to send.</summary>
    /// <param name="message">The message.</param>
    /// <param name="optOutText">The channel's opt-out line, used when the message carries no shop line of its own.</param>
    /// <remarks>The line goes on its own line, and is not added again when the body already ends with it.</remarks>
    public static string Compose(OutboundMessage message, string optOutText)
    {
        ArgumentNullException.ThrowIfNull(message);
        optOutText = string.IsNullOrWhiteSpace(message.SmsOptOutText) ? optOutText : message.SmsOptOutText.Trim();
        ArgumentException.ThrowIfNullOrEmpty(optOutText);
        var body = message.Body.TrimEnd();
        if (!message.AppendSmsOptOut || body.EndsWith(optOutText, StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        return body.Length == 0 ? optOutText : body + "\n" + optOutText;
    }
}
