namespace Nurture.Infra.Tests.Infrastructure;

/// <summary>
/// Compares setting names the way the Functions host and .NET configuration do: case-insensitive, with
/// <c>__</c> (the only separator Linux app settings allow) meaning the same as <c>:</c>.
/// </summary>
public static class SettingNames
{
    /// <summary>Compares normalised names without regard to case.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>The configuration key a setting name stands for: <c>Ingestion__ShopifySecret</c> becomes <c>Ingestion:ShopifySecret</c>.</summary>
    public static string Normalize(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Replace("__", ":", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when <paramref name="provided"/> (normalised names) supplies the key <paramref name="read"/>: the
    /// key itself, or settings under it as a section, the way a connection such as <c>AzureWebJobsStorage</c>
    /// is either one connection string or identity-based <c>AzureWebJobsStorage__*</c> properties.
    /// </summary>
    public static bool IsSupplied(string read, IEnumerable<string> provided)
    {
        var key = Normalize(read);
        return provided.Any(p => Comparer.Equals(p, key) || p.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));
    }
}
