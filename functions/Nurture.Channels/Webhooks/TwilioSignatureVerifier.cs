using System.Security.Cryptography;
using System.Text;
using Twilio.Security;

namespace Nurture.Channels.Webhooks;

/// <summary>
/// Checks Twilio's <c>X-Twilio-Signature</c> with the Twilio SDK's own validator (<see cref="RequestValidator"/>):
/// base64(HMAC-SHA1(auth token, URL + each POST parameter sorted by name, appended as name then value)).
/// </summary>
/// <remarks>
/// The URL must be the one Twilio called, i.e. the public URL when Nurture runs behind a proxy; the caller passes it
/// (from configuration) rather than the URL the request arrived on. The SDK tries the URL with and without its
/// default port, but only when it is given without one, so an explicit <c>:443</c> / <c>:80</c> is removed first.
/// The SDK takes the parameters as a dictionary: a form that repeats a name (Twilio's never do) cannot be checked
/// and is a mismatch.
/// </remarks>
public sealed class TwilioSignatureVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    private readonly RequestValidator _validator;
    private readonly byte[] _authToken;

    /// <summary>Creates a verifier for the account's auth token.</summary>
    /// <param name="authToken">The auth token.</param>
    public TwilioSignatureVerifier(string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        _validator = new RequestValidator(authToken);
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

        var signature = signatureHeader.Trim();
        Span<byte> given = stackalloc byte[32];
        if (!Convert.TryFromBase64String(signature, given, out var written) || written != HMACSHA1.HashSizeInBytes)
        {
            return SignatureStatus.BadEncoding;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in formParameters)
        {
            if (!parameters.TryAdd(name, value))
            {
                return SignatureStatus.Mismatch;
            }
        }

        try
        {
            return _validator.Validate(WithoutDefaultPort(publicUrl), parameters, signature) ? SignatureStatus.Valid : SignatureStatus.Mismatch;
        }
        catch (UriFormatException)
        {
            return SignatureStatus.Mismatch;
        }
    }

    /// <summary>The signature Twilio would send for this URL and parameters, for signing test requests and tools.</summary>
    /// <param name="url">The URL, exactly as it is to be signed.</param>
    /// <param name="formParameters">The POST parameters.</param>
    public string Sign(string url, IEnumerable<KeyValuePair<string, string>> formParameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(formParameters);
        var data = new StringBuilder(url);
        foreach (var (name, value) in formParameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(_authToken, Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>The URL with an explicit default port (<c>:443</c> for https, <c>:80</c> for http) removed, otherwise unchanged.</summary>
    /// <param name="url">The URL.</param>
    internal static string WithoutDefaultPort(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return url;
        }

        var scheme = url[..schemeEnd];
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? url[authorityStart..] : url[authorityStart..authorityEnd];
        var port = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443" : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? ":80" : null;
        if (port is null || !authority.EndsWith(port, StringComparison.Ordinal) || authority.EndsWith("]", StringComparison.Ordinal))
        {
            return url;
        }

        return url[..authorityStart] + authority[..^port.Length] + (authorityEnd < 0 ? string.Empty : url[authorityEnd..]);
    }
}
