using System.Security.Cryptography;

namespace Nurture.Channels.Webhooks;

/// <summary>Shared check for providers that sign with base64(HMAC-SHA256(secret, raw body)).</summary>
internal static class HmacSignature
{
    /// <summary>Compares <paramref name="header"/> with the HMAC of <paramref name="body"/> in constant time.</summary>
    public static SignatureStatus VerifySha256Base64(byte[] secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureStatus.MissingSignature;
        }

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(header.Trim(), given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return SignatureStatus.BadEncoding;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]) ? SignatureStatus.Valid : SignatureStatus.Mismatch;
    }
}
