namespace Nurture.Channels.Sending.Shops;

/// <summary>How shops are named in <c>Channels:Shops</c>: by the domain the shop's webhooks carry (the <c>shopDomain</c> event property).</summary>
public static class ShopKeys
{
    /// <summary>The entry every shop falls back to.</summary>
    public const string Default = "default";

    /// <summary>
    /// The comparable form of a shop name: trimmed, lower case, the host alone when it is a URL (WooCommerce sends its
    /// site URL, Shopify its <c>*.myshopify.com</c> domain).
    /// </summary>
    /// <param name="shop">The shop as configured or as an event carries it.</param>
    public static string Normalize(string? shop)
    {
        var text = (shop ?? string.Empty).Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            text = uri.Host;
        }

        return text.TrimEnd('/').ToLowerInvariant();
    }
}
