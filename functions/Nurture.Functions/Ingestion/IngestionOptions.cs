namespace Nurture.Functions.Ingestion;

/// <summary>
/// Webhook secrets and ingestion settings (section <c>Ingestion</c>). Secrets come from configuration; in Azure,
/// Key Vault references. A webhook whose secret is missing answers 503 and names the setting, never accepting
/// unverified deliveries.
/// </summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ingestion";

    /// <summary>Shopify app secret (<c>Ingestion:ShopifySecret</c>).</summary>
    public string? ShopifySecret { get; set; }

    /// <summary>WooCommerce webhook secret.</summary>
    public string? WooCommerceSecret { get; set; }

    /// <summary>BigCommerce shared secret, sent by the hook in <see cref="BigCommerceSecretHeader"/>.</summary>
    public string? BigCommerceSecret { get; set; }

    /// <summary>The header BigCommerce hooks carry the shared secret in.</summary>
    public string BigCommerceSecretHeader { get; set; } = Channels.Webhooks.BigCommerceSecretVerifier.DefaultHeaderName;

    /// <summary>SendGrid Event Webhook verification key (base64 SubjectPublicKeyInfo).</summary>
    public string? SendGridVerificationKey { get; set; }

    /// <summary>How far a SendGrid signature timestamp may be from now.</summary>
    public TimeSpan SendGridTimestampTolerance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Twilio auth token, for <c>X-Twilio-Signature</c>.</summary>
    public string? TwilioAuthToken { get; set; }

    /// <summary>The public base URL Twilio calls (e.g. <c>https://shop-nurture.example.com</c>), when a proxy sits in front; otherwise the request's own URL is used.</summary>
    public string? TwilioPublicBaseUrl { get; set; }

    /// <summary>
    /// Shops that sign with secrets of their own (<c>Ingestion:Shops:0:Shop</c>, <c>Ingestion:Shops:0:ShopifySecret</c>,
    /// ...); a delivery from a shop listed here is verified with that shop's secret, any other with the platform-wide one.
    /// </summary>
    public IList<ShopWebhookSecrets> Shops { get; } = [];

    /// <summary>Calling code for phone numbers given without one (e.g. <c>1</c>, <c>44</c>).</summary>
    public string? DefaultCallingCode { get; set; }

    /// <summary>Most events in one track API request.</summary>
    public int MaxTrackBatch { get; set; } = 500;

    /// <summary>
    /// How far ahead of the receipt time an event's own time (or a consent time it carries) may be before it is taken
    /// as the receipt time (<c>Ingestion:ClockSkewTolerance</c>, default 5 minutes): a consent dated in the future
    /// would otherwise beat every later STOP until that date.
    /// </summary>
    public TimeSpan ClockSkewTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Secret salt for the suppression list's address hashes; must never change once used.</summary>
    public string SuppressionSalt { get; set; } = "nurture-local-development-salt";
}
