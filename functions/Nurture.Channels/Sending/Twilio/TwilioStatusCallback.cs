namespace Nurture.Channels.Sending.Twilio;

/// <summary>
/// The status callback URL of one SMS: the status webhook under the public base URL, with our message id as a
/// query parameter so every callback (whose signature covers the full URL) names the send it reports on.
/// </summary>
public static class TwilioStatusCallback
{
    /// <summary>The query parameter that carries our message id.</summary>
    public const string MessageIdParameter = "nurture_message_id";

    /// <summary>
    /// The delivery header under which the status webhook forwards that parameter to <c>TwilioMapper</c> (the mapper
    /// reads headers, not the URL); the webhook sets it from the verified URL, never from the caller's headers.
    /// </summary>
    public const string MessageIdHeader = "X-Nurture-Message-Id";

    /// <summary>The callback URL for one message.</summary>
    /// <param name="publicBaseUrl">The app's public base URL.</param>
    /// <param name="path">The status webhook's path.</param>
    /// <param name="messageId">Our message id.</param>
    public static Uri Build(string publicBaseUrl, string path, string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(publicBaseUrl);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return new Uri(publicBaseUrl.TrimEnd('/') + path + "?" + MessageIdParameter + "=" + Uri.EscapeDataString(messageId), UriKind.Absolute);
    }
}
