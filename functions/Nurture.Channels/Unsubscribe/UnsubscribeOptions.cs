namespace Nurture.Channels.Unsubscribe;

/// <summary>One-click unsubscribe tokens (section <see cref="SectionName"/>).</summary>
public sealed class UnsubscribeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Channels:Unsubscribe";

    /// <summary>The path of the unsubscribe endpoint under the public base URL.</summary>
    public const string EndpointPath = "/api/unsubscribe";

    /// <summary>The HMAC secret that signs tokens (at least 32 bytes of UTF-8; keep it in Key Vault).</summary>
    public string? Secret { get; set; }

    /// <summary>Secrets that signed tokens before a rotation; tokens they signed still verify, new tokens never use them.</summary>
    public IList<string> PreviousSecrets { get; set; } = [];

    /// <summary>How long a token stays valid: as long as an old email may still be opened and its link clicked.</summary>
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(730);

    /// <summary>An address that takes unsubscribe mail (the <c>mailto:</c> alternative in <c>List-Unsubscribe</c>), if any.</summary>
    public string? MailtoAddress { get; set; }
}
