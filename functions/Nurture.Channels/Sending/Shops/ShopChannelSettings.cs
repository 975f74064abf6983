namespace Nurture.Channels.Sending.Shops;

/// <summary>
/// One shop's sender settings (<c>Channels:Shops:{shop}</c>, or <c>Channels:Shops:default</c> for every shop): who
/// email comes from and goes back to, which number SMS come from, and the SMS opt-out line.
/// </summary>
/// <remarks>
/// A shop's entry overrides the default field by field (see <see cref="ChannelOptions.ForShop"/>). A send node's own
/// <c>channel.sender</c> wins over both: it is what the marketer chose for that step.
/// </remarks>
public sealed class ShopChannelSettings
{
    /// <summary>The email from-address when the send node names none.</summary>
    public string? EmailFrom { get; set; }

    /// <summary>The email sender's display name (the shop's name).</summary>
    public string? EmailFromName { get; set; }

    /// <summary>Where replies to email go.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The SMS sender (E.164 or alphanumeric id) when the send node names none; a Twilio Messaging Service wins over it.</summary>
    public string? SmsFrom { get; set; }

    /// <summary>When SMS carry the opt-out line; <see cref="SmsOptOutPolicy.FirstMessage"/> unless set.</summary>
    public SmsOptOutPolicy? SmsOptOut { get; set; }

    /// <summary>The opt-out line; the channel's (<c>Channels:Twilio:OptOutText</c>) unless set.</summary>
    public string? SmsOptOutText { get; set; }

    /// <summary>This entry with the blanks filled from <paramref name="fallback"/>.</summary>
    /// <param name="fallback">The default entry.</param>
    internal ShopChannelSettings Over(ShopChannelSettings? fallback) => fallback is null ? this : new()
    {
        EmailFrom = Pick(EmailFrom, fallback.EmailFrom),
        EmailFromName = Pick(EmailFromName, fallback.EmailFromName),
        ReplyTo = Pick(ReplyTo, fallback.ReplyTo),
        SmsFrom = Pick(SmsFrom, fallback.SmsFrom),
        SmsOptOut = SmsOptOut ?? fallback.SmsOptOut,
        SmsOptOutText = Pick(SmsOptOutText, fallback.SmsOptOutText),
    };

    private static string? Pick(string? own, string? fallback) => string.IsNullOrWhiteSpace(own) ? fallback : own;
}
