using System.Security.Cryptography;
using System.Text;

namespace Nurture.Core.Profiles;

/// <summary>
/// The only trace of an erased contact: a salted hash of each normalised address, kept in the suppression
/// list so the address is never messaged again, without the address itself being stored.
/// </summary>
/// <remarks>
/// HMAC-SHA256 keyed by a per-deployment secret salt, so the list cannot be reversed by hashing a dictionary
/// of addresses without the salt. Inputs must already be normalised (<see cref="IdentityNormalizer"/>), so
/// <c>Bob@Example.com</c> and <c>bob@example.com</c> hit the same entry.
/// </remarks>
public static class SuppressionHash
{
    /// <summary>The hash of a normalised email, as lowercase hex.</summary>
    public static string ForEmail(byte[] salt, string normalizedEmail) => Compute(salt, "email:", normalizedEmail);

    /// <summary>The hash of an E.164 phone, as lowercase hex.</summary>
    public static string ForPhone(byte[] salt, string e164Phone) => Compute(salt, "phone:", e164Phone);

    /// <summary>Every suppression hash for a profile's addresses (what erasure keeps).</summary>
    public static IReadOnlyList<string> ForProfile(byte[] salt, ContactProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return [.. profile.Emails.Select(e => ForEmail(salt, e)), .. profile.Phones.Select(p => ForPhone(salt, p))];
    }

    private static string Compute(byte[] salt, string kind, string value)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfLessThan(salt.Length, 16, nameof(salt));
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(kind + value)));
    }
}
