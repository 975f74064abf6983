using System.Security.Cryptography;
using System.Text;

namespace Nurture.Channels.Webhooks;

/// <summary>
/// Checks Twilio's <c>X-Twilio-Signature</c>: base64(HMAC-SHA1(auth token, URL + each POST parameter sorted by
/// name, appended as name then value)).
/// </summary>
/// <remarks>
/// The URL must be the one Twilio called, i.e. the public URL when Nurture runs behind a proxy; the caller
/// passes it (from configuration) rather than the URL the request arrived on. Like Twilio's own libraries,
/// a URL is also tried with its default port added or removed, since Twilio may sign either form.
/// </remarks>
public sealed class TwilioSignatureVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    private readonly byte[] _authToken;

    /// <summary>Creates a verifier for the account's auth token.</summary>
    public TwilioSignatureVerifier(string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        _authToken = Encoding.UTF8.GetBytes(authToken);
    }

    /// <summary>Checks a form-encoded delivery.</summary>
    /// <param name="publicUrl">The full URL Twilio called, query string included.</param>
    /// <param name="formParameters">The decoded POST parameters (see <see cref="FormBody.Parse"/>).</param>
    /// <param name="signatureHeader">The <see cref="HeaderName"/> value.</param>
    public SignatureStatus Verify(string publicUrl, IEnumerable<KeyValuePair<string, string>> formParameters, string? signatureHeader)
    {
        ArgumentException.ThrowIfNullOrEmpty(publicUrl);
        ArgumentNullException.ThrowIfNull(formParameters);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureStatus.MissingSignature;
        }

        Span<byte> given = stackalloc byte[32];
        if (!Convert.TryFromBase64String(signatureHeader.Trim(), given, out var written) || written != HMACSHA1.HashSizeInBytes)
        {
            return SignatureStatus.BadEncoding;
        }

        var parameters = formParameters.ToList();
        var matched = false;
        foreach (var url in UrlVariants(publicUrl))
        {
            // Evaluate every variant so timing does not reveal which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(Compute(url, parameters), given[..written]);
        }

        return matched ? SignatureStatus.Valid : SignatureStatus.Mismatch;
    }

    /// <summary>The signature Twilio would send for this URL and parameters (also used to sign test requests).</summary>
    public string Sign(string url, IEnumerable<KeyValuePair<string, string>> formParameters) =>
        Convert.ToBase64String(Compute(url, formParameters.ToList()));

    private byte[] Compute(string url, List<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var pair in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(pair.Key).Append(pair.Value);
        }

        return HMACSHA1.HashData(_authToken, Encoding.UTF8.GetBytes(data.ToString()));
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield break;
        }

        var authorityEnd = url.IndexOf('/', uri.Scheme.Length + 3);
        var authority = authorityEnd < 0 ? url[(uri.Scheme.Length + 3)..] : url[(uri.Scheme.Length + 3)..authorityEnd];
        var rest = authorityEnd < 0 ? string.Empty : url[authorityEnd..];
        var prefix = uri.Scheme + "://";
        var portSuffix = ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (authority.EndsWith(portSuffix, StringComparison.Ordinal) && uri.IsDefaultPort)
        {
            yield return prefix + authority[..^portSuffix.Length] + rest;
        }
        else if (uri.IsDefaultPort && !authority.Contains(':', StringComparison.Ordinal))
        {
            yield return prefix + authority + portSuffix + rest;
        }
    }
}
