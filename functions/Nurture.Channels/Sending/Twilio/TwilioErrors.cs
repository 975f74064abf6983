using System.Globalization;
using System.Net;
using Nurture.Channels.Sending.Resilience;

namespace Nurture.Channels.Sending.Twilio;

/// <summary>Classifies Twilio's error answers into send results (pure).</summary>
/// <remarks>
/// Twilio's own error codes decide first: 21610 (the recipient replied STOP) turns SMS consent off; 21211 and 21614
/// say the number cannot take SMS; codes about our sender or account are <see cref="ChannelFailureKind.Account"/>.
/// Then the HTTP status: 429 and 5xx are transient, other 4xx permanent.
/// </remarks>
public static class TwilioErrors
{
    /// <summary>Attempt to send to an unsubscribed recipient.</summary>
    public const int Unsubscribed = 21610;

    /// <summary>Invalid 'To' phone number.</summary>
    public const int InvalidTo = 21211;

    /// <summary>'To' number is not a valid mobile number.</summary>
    public const int NotMobile = 21614;

    /// <summary>Too many requests.</summary>
    public const int TooManyRequests = 20429;

    private static readonly HashSet<int> AccountCodes =
    [
        20003, // authentication failed
        20005, // account not active
        20404, // resource (account, service) not found
        21212, // invalid From number
        21408, // no permission to send to the region
        21603, // From is required
        21606, // From is not a valid, SMS-capable number of the account
        21659, // From is not a Twilio number
        21704, // Messaging Service has no senders
        21705, // invalid Messaging Service
    ];

    /// <summary>The result for an error Twilio answered.</summary>
    /// <param name="code">Twilio's error code (0 when the answer had none).</param>
    /// <param name="status">The HTTP status, if known.</param>
    /// <param name="message">Twilio's message (scrubbed of numbers here).</param>
    /// <param name="retryAfter">The wait Twilio asked for, if any.</param>
    public static ChannelSendResult Classify(int code, HttpStatusCode? status, string? message, TimeSpan? retryAfter)
    {
        var errorCode = code != 0 ? code.ToString(CultureInfo.InvariantCulture) : status is { } s ? "http_" + (int)s : "unknown";
        var detail = "Twilio " + errorCode + ": " + PersonalData.Scrub(message ?? "no message", 300);
        switch (code)
        {
            case Unsubscribed:
                return ChannelSendResult.Permanent(ChannelFailureKind.Recipient, errorCode, detail, RecipientImpact.SmsConsentWithdrawn);
            case InvalidTo or NotMobile:
                return ChannelSendResult.Permanent(ChannelFailureKind.Recipient, errorCode, detail, RecipientImpact.PhoneUnusable);
            case TooManyRequests:
                return ChannelSendResult.Transient(ChannelFailureKind.Throttled, errorCode, detail, retryAfter);
        }

        if (status is { } httpStatus && ProviderHttpClient.IsTransient(httpStatus))
        {
            var kind = httpStatus == HttpStatusCode.TooManyRequests ? ChannelFailureKind.Throttled : ChannelFailureKind.Unavailable;
            return ChannelSendResult.Transient(kind, errorCode, detail, retryAfter);
        }

        if (AccountCodes.Contains(code) || status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return ChannelSendResult.Permanent(ChannelFailureKind.Account, errorCode, detail);
        }

        return status is null && code == 0
            ? ChannelSendResult.Transient(ChannelFailureKind.Unavailable, errorCode, detail, retryAfter)
            : ChannelSendResult.Permanent(ChannelFailureKind.Request, errorCode, detail);
    }
}
