using Nurture.Channels.Webhooks;

namespace Nurture.Functions.Ingestion;

/// <summary>Which secret verifies a delivery: the sending shop's own (<see cref="IngestionOptions.Shops"/>), else the platform-wide one.</summary>
public static class WebhookSecrets
{
    /// <summary>The Shopify secret for the shop named in <c>X-Shopify-Shop-Domain</c>; null when none is configured.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="shopDomain">The header's value.</param>
    public static string? Shopify(IngestionOptions options, string? shopDomain)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Find(options, shopDomain)?.ShopifySecret is { Length: > 0 } own ? own : NonEmpty(options.ShopifySecret);
    }

    /// <summary>The WooCommerce secret for the site named in <c>X-WC-Webhook-Source</c>; null when none is configured.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="source">The header's value (the site's URL).</param>
    public static string? WooCommerce(IngestionOptions options, string? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Find(options, source)?.WooCommerceSecret is { Length: > 0 } own ? own : NonEmpty(options.WooCommerceSecret);
    }

    /// <summary>
    /// Verifies a BigCommerce secret header against every configured secret (each shop's and the platform-wide
    /// one), comparing each in constant time and all of them whatever matched.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="headerValue">The secret header's value.</param>
    /// <returns>Null when no BigCommerce secret is configured at all.</returns>
    public static SignatureStatus? VerifyBigCommerce(IngestionOptions options, string? headerValue)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secrets = options.Shops.Select(s => s.BigCommerceSecret).Append(options.BigCommerceSecret).OfType<string>().Where(s => s.Length > 0).ToList();
        if (secrets.Count == 0)
        {
            return null;
        }

        // Every secret is checked, so the time taken does not depend on which one matched.
        var statuses = secrets.Select(secret => new BigCommerceSecretVerifier(secret).Verify(headerValue)).ToList();
        return statuses.Contains(SignatureStatus.Valid) ? SignatureStatus.Valid : statuses[0];
    }

    /// <summary>The host of a shop name or URL, lower case: <c>https://Shop.example.com/</c> and <c>shop.example.com</c> are one shop.</summary>
    /// <param name="shop">A domain or URL.</param>
    public static string Normalize(string? shop)
    {
        var text = (shop ?? string.Empty).Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            text = uri.Host;
        }

        return text.TrimEnd('/').ToLowerInvariant();
    }

    private static ShopWebhookSecrets? Find(IngestionOptions options, string? shop)
    {
        if (string.IsNullOrWhiteSpace(shop) || options.Shops.Count == 0)
        {
            return null;
        }

        var wanted = Normalize(shop);
        return options.Shops.FirstOrDefault(s => Normalize(s.Shop) == wanted);
    }

    private static string? NonEmpty(string? secret) => string.IsNullOrEmpty(secret) ? null : secret;
}
