using System.Globalization;
using System.Text;
using EllipticCurve;
using SendGrid.Helpers.EventWebhook;

namespace Nurture.Channels.Webhooks;

/// <summary>
/// Checks the SendGrid Event Webhook signature with the SendGrid SDK's own validator
/// (<see cref="RequestValidator"/>): ECDSA P-256 / SHA-256 over the timestamp followed by the raw body, the signature
/// base64 DER in <see cref="SignatureHeaderName"/>, the key a base64 SubjectPublicKeyInfo.
/// </summary>
/// <remarks>
/// Around the SDK's check: deliveries whose timestamp is further than the tolerance from the caller's <c>now</c> are
/// rejected as stale (so a captured delivery cannot be replayed later), and the reasons a check fails are told
/// apart. The key is parsed once; the verifier never reads the clock and is safe to share between requests. The SDK
/// verifies text, so the body must be valid UTF-8 (SendGrid's always is; anything else cannot match).
/// </remarks>
public sealed class SendGridSignatureVerifier
{
    /// <summary>The header that carries the base64 DER signature.</summary>
    public const string SignatureHeaderName = RequestValidator.SIGNATURE_HEADER;

    /// <summary>The header that carries the signing time (Unix seconds).</summary>
    public const string TimestampHeaderName = RequestValidator.TIMESTAMP_HEADER;

    /// <summary>The tolerance used when none is given.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(10);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RequestValidator _validator = new();
    private readonly PublicKey _key;
    private readonly TimeSpan _tolerance;

    /// <summary>Creates a verifier for the webhook's verification key.</summary>
    /// <param name="publicKeyBase64">The key as SendGrid shows it: base64 SubjectPublicKeyInfo (DER).</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way.</param>
    /// <exception cref="ArgumentException">The key is not a base64 SubjectPublicKeyInfo EC key.</exception>
    public SendGridSignatureVerifier(string publicKeyBase64, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(publicKeyBase64);
        _tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_tolerance, TimeSpan.Zero, nameof(tolerance));
        var key = publicKeyBase64.Trim();
        try
        {
            _ = Convert.FromBase64String(key);
            _key = _validator.ConvertPublicKeyToECDSA(key);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The SDK's key parser throws assorted exception types for bytes that are not an EC SubjectPublicKeyInfo.
            throw new ArgumentException("The SendGrid verification key must be the base64 SubjectPublicKeyInfo shown in the Event Webhook settings.", nameof(publicKeyBase64), ex);
        }
    }

    /// <summary>Checks a delivery.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signatureHeader">The <see cref="SignatureHeaderName"/> value.</param>
    /// <param name="timestampHeader">The <see cref="TimestampHeaderName"/> value.</param>
    /// <param name="now">The current time, from the caller's clock.</param>
    public SignatureStatus Verify(ReadOnlySpan<byte> body, string? signatureHeader, string? timestampHeader, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureStatus.MissingSignature;
        }

        if (string.IsNullOrWhiteSpace(timestampHeader)
            || !long.TryParse(timestampHeader.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureStatus.MissingTimestamp;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > _tolerance)
        {
            return SignatureStatus.StaleTimestamp;
        }

        var signature = signatureHeader.Trim();
        Span<byte> decoded = stackalloc byte[256];
        if (!Convert.TryFromBase64String(signature, decoded, out _))
        {
            return SignatureStatus.BadEncoding;
        }

        string payload;
        try
        {
            payload = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return SignatureStatus.Mismatch;
        }

        try
        {
            return _validator.VerifySignature(_key, payload, signature, timestampHeader.Trim()) ? SignatureStatus.Valid : SignatureStatus.Mismatch;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Base64 that is not a DER signature: the SDK's parser throws, and it cannot match.
            return SignatureStatus.Mismatch;
        }
    }
}
