namespace Nurture.Channels.Unsubscribe;

/// <summary>The unsubscribe links of one message: the one-click HTTPS URL (RFC 8058) and an optional mailto.</summary>
/// <param name="OneClickUrl">The HTTPS URL that takes the one-click POST and shows the confirmation page on GET.</param>
/// <param name="Mailto">A <c>mailto:</c> URI, if an unsubscribe mailbox is configured.</param>
public sealed record UnsubscribeLinks(string OneClickUrl, string? Mailto = null)
{
    /// <summary>The <c>List-Unsubscribe-Post</c> header's one value (RFC 8058).</summary>
    public const string OneClickPostValue = "List-Unsubscribe=One-Click";

    /// <summary>The <c>List-Unsubscribe</c> header value (RFC 2369): the URLs in angle brackets, HTTPS first.</summary>
    public string ListUnsubscribeHeader => Mailto is null ? "<" + OneClickUrl + ">" : "<" + OneClickUrl + ">, <" + Mailto + ">";
}
