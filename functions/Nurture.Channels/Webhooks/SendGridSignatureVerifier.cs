using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nurture.Channels.Webhooks;

/// <summary>
/// Checks the SendGrid Event Webhook signature: ECDSA P-256 / SHA-256 over utf8(timestamp) followed by the raw
/// body, the signature base64 DER in <see cref="SignatureHeaderName"/>, the key a base64 SubjectPublicKeyInfo.
/// </summary>
/// <remarks>
/// Deliveries whose timestamp is further than the tolerance from the caller's <c>now</c> are rejected as
/// stale, so a captured delivery cannot be replayed later. The verifier never reads the clock itself.
/// Safe to share between concurrent requests: each check imports the key into its own <see cref="ECDsa"/>.
/// </remarks>
public sealed class SendGridSignatureVerifier
{
    /// <summary>The header that carries the base64 DER signature.</summary>
    public const string SignatureHeaderName = "X-Twilio-Email-Event-Webhook-Signature";

    /// <summary>The header that carries the signing time (Unix seconds).</summary>
    public const string TimestampHeaderName = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>The tolerance used when none is given.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(10);

    private readonly byte[] _subjectPublicKeyInfo;
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
        try
        {
            _subjectPublicKeyInfo = Convert.FromBase64String(publicKeyBase64.Trim());
            using var probe = ECDsa.Create();
            probe.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
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

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - signedAt).Duration() > _tolerance)
        {
            return SignatureStatus.StaleTimestamp;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureHeader.Trim());
        }
        catch (FormatException)
        {
            return SignatureStatus.BadEncoding;
        }

        var prefix = Encoding.UTF8.GetBytes(timestampHeader.Trim());
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        try
        {
            return key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                ? SignatureStatus.Valid
                : SignatureStatus.Mismatch;
        }
        catch (CryptographicException)
        {
            // A signature that is not a DER sequence at all.
            return SignatureStatus.BadEncoding;
        }
    }
}
