using Nurture.Channels.Sending.Resilience;

namespace Nurture.Channels.Sending.SendGrid;

/// <summary>SendGrid settings (section <see cref="SectionName"/>); the API key belongs in Key Vault.</summary>
public sealed class SendGridOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Channels:SendGrid";

    /// <summary>The API key (needs Mail Send; Email Activity read for <see cref="EmailActivity"/>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API root; only tests point it elsewhere.</summary>
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";

    /// <summary>Sandbox mode: SendGrid validates each request and answers 200 but delivers nothing.</summary>
    public bool SandboxMode { get; set; }

    /// <summary>Whether SendGrid rewrites links to count clicks (HTML and plain text).</summary>
    public bool ClickTracking { get; set; } = true;

    /// <summary>Whether SendGrid adds its open-tracking pixel.</summary>
    public bool OpenTracking { get; set; } = true;

    /// <summary>A SendGrid unsubscribe group (ASM) to attach to marketing email, if the account uses groups.</summary>
    public int? UnsubscribeGroupId { get; set; }

    /// <summary>Whether <see cref="SendGridChannel.CheckAcceptedAsync"/> asks the Email Activity API (a paid add-on).</summary>
    public bool EmailActivity { get; set; } = true;

    /// <summary>
    /// How long after sending a message may take to appear in the Email Activity feed: a search that finds nothing
    /// sooner than this after the first attempt answers "unknown", not "not accepted".
    /// </summary>
    public TimeSpan ActivityVisibilityDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries of one call.</summary>
    public ProviderRetryOptions Retry { get; set; } = new();
}
