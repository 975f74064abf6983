using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Tests.Infrastructure;

/// <summary>Messages as the journeys compose them.</summary>
internal static class Messages
{
    public static OutboundMessage Email(string messageId = "m-1", bool marketing = true) =>
        new(messageId, MessageChannel.Email, "contact-7", "ada@example.com", "shop@example.com", "Hello Ada", "Plain body", "welcome-1", "welcome", "journey-a", "email-1")
        {
            ShopId = "shop-1",
            FromName = "Example Shop",
            ReplyTo = "care@example.com",
            HtmlBody = "<p>Hello</p>",
            Marketing = marketing,
        };

    public static OutboundMessage Sms(string messageId = "s-1", string body = "Your cart misses you", bool optOut = true) =>
        new(messageId, MessageChannel.Sms, "contact-7", "+16135550135", "+15005550006", null, body, "cart-1", null, "journey-b", "sms-1")
        {
            ShopId = "shop-1",
            AppendSmsOptOut = optOut,
        };
}
