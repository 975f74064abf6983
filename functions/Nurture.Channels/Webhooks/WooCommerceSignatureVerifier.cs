using System.Text;

namespace Nurture.Channels.Webhooks;

/// <summary>
/// Checks WooCommerce's <c>X-WC-Webhook-Signature</c> header: base64(HMAC-SHA256(webhook secret, raw body)).
/// </summary>
/// <remarks>
/// WooCommerce's ping on hook creation is an unsigned form post (<c>webhook_id=…</c>); recognise it with
/// <see cref="Ingestion.WooCommerce.WooCommercePing.IsPing"/> before asking for a signature.
/// </remarks>
public sealed class WooCommerceSignatureVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-WC-Webhook-Signature";

    private readonly byte[] _secret;

    /// <summary>Creates a verifier for the webhook's secret.</summary>
    public WooCommerceSignatureVerifier(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Checks <paramref name="signatureHeader"/> against <paramref name="body"/>.</summary>
    public SignatureStatus Verify(ReadOnlySpan<byte> body, string? signatureHeader) =>
        HmacSignature.VerifySha256Base64(_secret, body, signatureHeader);
}
