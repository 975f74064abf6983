using System.Security.Cryptography;
using System.Text;

namespace Nurture.Storage.Connections;

/// <summary>
/// The two Shared Key signatures: Shared Key Lite for the Table service (what the official Tables SDKs
/// send) and full Shared Key in its Blob/Queue form for the Queue service.
/// </summary>
public static class SharedKeySigner
{
    /// <summary>Headers of the Blob/Queue string-to-sign, in order, after the verb.</summary>
    internal static readonly string[] QueueStandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>
    /// The canonicalized resource: <c>/account</c> plus the escaped path as sent (path-style emulator URLs
    /// therefore name the account twice).
    /// </summary>
    public static string CanonicalizedResource(string accountName, Uri uri) =>
        "/" + accountName + (uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);

    /// <summary>Shared Key Lite for tables: <c>x-ms-date \n resource</c>, plus <c>?comp=</c> when present.</summary>
    public static string TableStringToSign(string msDate, string accountName, Uri uri)
    {
        var resource = CanonicalizedResource(accountName, uri);
        var comp = QueryValues(uri).FirstOrDefault(p => p.Name.Equals("comp", StringComparison.OrdinalIgnoreCase));
        if (comp.Name is not null)
        {
            resource += "?comp=" + comp.Value;
        }

        return msDate + "\n" + resource;
    }

    /// <summary>
    /// Full Shared Key, Blob/Queue form: verb, the standard headers (Content-Length empty when 0), the
    /// <c>x-ms-*</c> headers lowercased and sorted, the resource, then each query parameter sorted by name.
    /// </summary>
    public static string QueueStringToSign(string method, Uri uri, string accountName, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var headerMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var msHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                msHeaders[name.ToLowerInvariant()] = value.Trim();
            }
            else
            {
                headerMap[name] = value;
            }
        }

        var sb = new StringBuilder(256).Append(method.ToUpperInvariant()).Append('\n');
        foreach (var header in QueueStandardHeaders)
        {
            var value = headerMap.GetValueOrDefault(header, string.Empty);
            if (header == "Content-Length" && value == "0")
            {
                value = string.Empty;
            }

            sb.Append(value).Append('\n');
        }

        foreach (var (name, value) in msHeaders)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        sb.Append(CanonicalizedResource(accountName, uri));
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in QueryValues(uri))
        {
            var key = name.ToLowerInvariant();
            if (!parameters.TryGetValue(key, out var list))
            {
                parameters[key] = list = [];
            }

            list.Add(value);
        }

        foreach (var (name, values) in parameters)
        {
            values.Sort(StringComparer.Ordinal);
            sb.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }

        return sb.ToString();
    }

    /// <summary>base64(HMAC-SHA256(key, utf8(stringToSign))).</summary>
    public static string Sign(StorageSharedKey key, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(HMACSHA256.HashData(key.KeyBytes, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static IEnumerable<(string Name, string Value)> QueryValues(Uri uri)
    {
        var query = uri.Query;
        if (query.Length <= 1)
        {
            yield break;
        }

        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return (name, value);
        }
    }
}
