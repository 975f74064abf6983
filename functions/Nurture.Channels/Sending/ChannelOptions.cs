using Nurture.Channels.Sending.Shops;

namespace Nurture.Channels.Sending;

/// <summary>Which provider each channel uses, and where the app is reachable (section <see cref="SectionName"/>).</summary>
public sealed class ChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Channels";

    /// <summary>The email channel: <c>Outbox</c> (default) or <c>SendGrid</c>.</summary>
    public EmailProvider Email { get; set; } = EmailProvider.Outbox;

    /// <summary>The SMS channel: <c>Outbox</c> (default) or <c>Twilio</c>.</summary>
    public SmsProvider Sms { get; set; } = SmsProvider.Outbox;

    /// <summary>
    /// The app's public HTTPS base URL (<c>https://nurture.example.com</c>): the root of Twilio's status callback
    /// (<c>/api/webhooks/twilio/status</c>) and of unsubscribe links (<c>/api/unsubscribe</c>). Required when a
    /// provider is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Sender settings per shop, keyed by the shop's domain (<c>Channels:Shops:example.myshopify.com:EmailFrom</c>),
    /// with <see cref="ShopKeys.Default"/> (<c>Channels:Shops:default:...</c>) for every shop without an entry.
    /// </summary>
    public Dictionary<string, ShopChannelSettings> Shops { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The settings that apply to a shop: its own entry over the default one, field by field.</summary>
    /// <param name="shop">The shop's domain as events carry it; null or unknown gives the default entry.</param>
    public ShopChannelSettings ForShop(string? shop)
    {
        var fallback = Find(ShopKeys.Default);
        var own = string.IsNullOrWhiteSpace(shop) ? null : Find(shop);
        return own?.Over(fallback) ?? fallback ?? new ShopChannelSettings();
    }

    private ShopChannelSettings? Find(string shop)
    {
        var wanted = ShopKeys.Normalize(shop);
        return Shops.FirstOrDefault(p => ShopKeys.Normalize(p.Key) == wanted).Value;
    }
}
