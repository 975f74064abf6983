using System.Security.Cryptography;
using System.Text;

namespace Nurture.Channels.Webhooks;

/// <summary>
/// Checks the shared-secret header configured on a BigCommerce hook (BigCommerce does not sign bodies; the
/// hook's custom <c>headers</c> carry a secret only Nurture and the store know).
/// </summary>
public sealed class BigCommerceSecretVerifier
{
    /// <summary>The header Nurture asks BigCommerce to send (configured on the hook).</summary>
    public const string DefaultHeaderName = "X-Nurture-Webhook-Secret";

    private readonly byte[] _secretHash;

    /// <summary>Creates a verifier for the configured secret.</summary>
    public BigCommerceSecretVerifier(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Checks the header value against the secret.</summary>
    /// <remarks>Both sides are hashed first so the comparison is constant time and leaks no length either.</remarks>
    public SignatureStatus Verify(string? headerValue)
    {
        if (string.IsNullOrEmpty(headerValue))
        {
            return SignatureStatus.MissingSignature;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(headerValue));
        return CryptographicOperations.FixedTimeEquals(_secretHash, given) ? SignatureStatus.Valid : SignatureStatus.Mismatch;
    }
}
