using System.Text;

namespace Nurture.Channels.Webhooks;

/// <summary>
/// Checks Shopify's <c>X-Shopify-Hmac-Sha256</c> header: base64(HMAC-SHA256(app secret, raw body)).
/// </summary>
/// <remarks>Works on the raw bytes as received: re-serialised JSON would not match.</remarks>
public sealed class ShopifySignatureVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-Shopify-Hmac-Sha256";

    private readonly byte[] _secret;

    /// <summary>Creates a verifier for the app's client secret.</summary>
    public ShopifySignatureVerifier(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Checks <paramref name="signatureHeader"/> against <paramref name="body"/>.</summary>
    public SignatureStatus Verify(ReadOnlySpan<byte> body, string? signatureHeader) =>
        HmacSignature.VerifySha256Base64(_secret, body, signatureHeader);
}
