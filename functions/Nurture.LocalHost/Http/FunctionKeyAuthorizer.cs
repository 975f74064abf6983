using System.Security.Cryptography;
using System.Text;

namespace Nurture.LocalHost.Http;

/// <summary>
/// The Functions key rules, pure: anonymous needs nothing; function level takes the function's own key, the
/// host's default function key or the master key; admin takes only the master key. Keys compare in constant time.
/// </summary>
public static class FunctionKeyAuthorizer
{
    /// <summary>The header carrying a key.</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>The query parameter carrying a key.</summary>
    public const string KeyQueryParameter = "code";

    /// <summary>Checks <paramref name="presentedKey"/> against the keys that open <paramref name="functionName"/>.</summary>
    public static FunctionKeyCheck Check(AuthorizationLevel level, string functionName, string? presentedKey, FunctionKeysOptions keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (level == AuthorizationLevel.Anonymous)
        {
            return FunctionKeyCheck.Allowed;
        }

        if (string.IsNullOrEmpty(presentedKey))
        {
            return FunctionKeyCheck.Missing;
        }

        var accepted = level == AuthorizationLevel.Admin
            ? [keys.MasterKey]
            : new[] { keys.MasterKey, keys.Default, keys.Functions.GetValueOrDefault(functionName) };

        // Check every candidate (no early exit) so timing says nothing about which key matched.
        var match = false;
        foreach (var key in accepted)
        {
            match |= !string.IsNullOrEmpty(key) && FixedTimeEquals(key, presentedKey);
        }

        return match ? FunctionKeyCheck.Allowed : FunctionKeyCheck.Invalid;
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
