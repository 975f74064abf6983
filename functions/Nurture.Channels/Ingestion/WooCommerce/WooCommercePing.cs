using Nurture.Channels.Webhooks;

namespace Nurture.Channels.Ingestion.WooCommerce;

/// <summary>
/// Recognises the unsigned ping WooCommerce posts when a hook is created (<c>webhook_id=&lt;n&gt;</c>, form
/// encoded, no topic header). It must be answered 200 or WooCommerce will not save the hook; it carries no data.
/// </summary>
public static class WooCommercePing
{
    /// <summary>True when the delivery is the creation ping rather than an event.</summary>
    /// <param name="topicHeader">The <c>X-WC-Webhook-Topic</c> value (absent on the ping).</param>
    /// <param name="body">The raw body.</param>
    public static bool IsPing(string? topicHeader, ReadOnlySpan<byte> body)
    {
        if (!string.IsNullOrEmpty(topicHeader) || body.Length is 0 or > 64)
        {
            return false;
        }

        var pairs = FormBody.Parse(body);
        return pairs.Count == 1 && pairs[0].Key == "webhook_id" && pairs[0].Value.Length is > 0 and <= 20 && pairs[0].Value.All(char.IsAsciiDigit);
    }
}
