using System.Globalization;
using System.Text;
using Nurture.Core.Events;

namespace Nurture.Core.Profiles;

/// <summary>
/// Normalises the identities a profile is found by, so the same person reported twice resolves to one key.
/// Invalid values become null (never an exception): a bad phone in one event must not stop the rest.
/// </summary>
/// <remarks>
/// Emails are trimmed and lowercased (the domain is case-insensitive, and in practice so is every mailbox
/// shops see), nothing more: Gmail's dots and any <c>+tag</c> are kept, because those addresses can belong
/// to different people or different consents elsewhere, and merging two contacts wrongly (mixing their
/// consent and orders) is worse than keeping a duplicate.
/// </remarks>
public static class IdentityNormalizer
{
    /// <summary>The longest email address accepted (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The longest shop customer id accepted.</summary>
    public const int MaxCustomerIdLength = 128;

    /// <summary>A lowercased, trimmed email, or null when it is not a plausible address.</summary>
    public static string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var value = email.Trim().ToLowerInvariant();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > MaxEmailLength || at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return null;
        }

        var domain = value[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
        {
            return null;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';' or '(' or ')' or '[' or ']' or '\\')
            {
                return null;
            }
        }

        return value;
    }

    /// <summary>
    /// The number in E.164 (<c>+</c> and 7–15 digits), or null. Spaces, dashes, dots and parentheses are
    /// ignored; <c>00</c> is read as <c>+</c>; a number without either gets <paramref name="defaultCallingCode"/>
    /// (after dropping one national trunk <c>0</c>), or is rejected when none is configured.
    /// </summary>
    public static string? NormalizePhone(string? phone, string? defaultCallingCode)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 64)
        {
            return null;
        }

        var digits = new StringBuilder(16);
        var international = false;
        var trimmed = phone.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '+' && i == 0)
            {
                international = true;
            }
            else if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        if (!international)
        {
            if (string.IsNullOrEmpty(defaultCallingCode) || !defaultCallingCode.All(char.IsAsciiDigit))
            {
                return null;
            }

            // In the North American plan the country code is commonly dialled as a leading 1.
            if (defaultCallingCode == "1" && number.Length == 11 && number[0] == '1')
            {
                number = number[1..];
            }
            else if (number.StartsWith('0'))
            {
                number = number[1..];
            }

            number = defaultCallingCode + number;
        }

        return number.Length is >= 7 and <= 15 && number[0] != '0' ? "+" + number : null;
    }

    /// <summary>
    /// The platform-qualified customer key (<c>shopify:123</c>), so ids from two shop platforms never collide;
    /// null when the id is empty, too long or contains control characters.
    /// </summary>
    public static string? CustomerKey(EventSource source, string? customerId)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return null;
        }

        var id = customerId.Trim();
        if (id.Length > MaxCustomerIdLength || id.Any(char.IsControl))
        {
            return null;
        }

        return source.ToString().ToLower(CultureInfo.InvariantCulture) + ":" + id;
    }

    /// <summary>All of an event's identities, normalised; parts that do not normalise are null.</summary>
    public static NormalizedIdentity Normalize(EventSource source, ContactIdentity identity, string? defaultCallingCode)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new NormalizedIdentity(
            string.IsNullOrWhiteSpace(identity.ContactId) ? null : identity.ContactId.Trim(),
            CustomerKey(source, identity.CustomerId),
            NormalizeEmail(identity.Email),
            NormalizePhone(identity.Phone, defaultCallingCode));
    }
}
