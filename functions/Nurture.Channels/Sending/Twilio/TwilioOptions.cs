using Nurture.Channels.Sending.Resilience;

namespace Nurture.Channels.Sending.Twilio;

/// <summary>Twilio settings (section <see cref="SectionName"/>); tokens and secrets belong in Key Vault.</summary>
public sealed class TwilioOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Channels:Twilio";

    /// <summary>The opt-out line used when none is configured.</summary>
    public const string DefaultOptOutText = "Reply STOP to opt out";

    /// <summary>Twilio's REST API root.</summary>
    public const string DefaultBaseUrl = "https://api.twilio.com";

    /// <summary>The API root the SDK's requests go to; only tests point it elsewhere (the SDK itself always builds <c>https://api.twilio.com</c>).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The account SID (<c>AC...</c>).</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token (Basic auth as AccountSid:AuthToken unless an API key is set; also signs webhooks).</summary>
    public string? AuthToken { get; set; }

    /// <summary>An API key SID (<c>SK...</c>) to authenticate with instead of the auth token.</summary>
    public string? ApiKeySid { get; set; }

    /// <summary>The API key's secret.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>A Messaging Service (<c>MG...</c>) whose sender pool sends; wins over any from-number.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>The default sender number (E.164) when there is no Messaging Service and the message names no E.164 sender.</summary>
    public string? FromNumber { get; set; }

    /// <summary>The status webhook's path under <c>Channels:PublicBaseUrl</c>.</summary>
    public string StatusCallbackPath { get; set; } = "/api/webhooks/twilio/status";

    /// <summary>The opt-out line appended when a shop asks for it.</summary>
    public string OptOutText { get; set; } = DefaultOptOutText;

    /// <summary>How many of the recipient's recent messages an acceptance check reads (one page).</summary>
    public int LookupPageSize { get; set; } = 50;

    /// <summary>How far before the first attempt an acceptance check still looks (clock skew between us and Twilio).</summary>
    public TimeSpan LookupClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of one call.</summary>
    public ProviderRetryOptions Retry { get; set; } = new();
}
