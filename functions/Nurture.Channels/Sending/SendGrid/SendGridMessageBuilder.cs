using System.Text.Json;
using Newtonsoft.Json.Linq;
using Nurture.Channels.Unsubscribe;
using SendGrid.Helpers.Mail;

namespace Nurture.Channels.Sending.SendGrid;

/// <summary>Turns an <see cref="OutboundMessage"/> into the SDK's Mail Send request (pure: no I/O, no clock).</summary>
/// <remarks>
/// One personalization with the one recipient; our message id, journey and step as top-level <c>custom_args</c>;
/// categories for the message's category, the journey and the step; <c>List-Unsubscribe</c> and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> on every marketing email; tracking and sandbox from
/// settings; either our rendered subject and body or a dynamic template id with its data (plus
/// <c>unsubscribe_url</c> on marketing email, for the template's footer). SendGrid's own
/// subscription-tracking footer stays off: unsubscribing goes through our one-click link.
/// </remarks>
public static class SendGridMessageBuilder
{
    /// <summary>The header that lists the unsubscribe URLs (RFC 2369).</summary>
    public const string ListUnsubscribeHeader = "List-Unsubscribe";

    /// <summary>The header that marks the HTTPS URL as one-click (RFC 8058).</summary>
    public const string ListUnsubscribePostHeader = "List-Unsubscribe-Post";

    /// <summary>The dynamic template data field that carries the unsubscribe link of a marketing email.</summary>
    public const string UnsubscribeUrlField = "unsubscribe_url";

    /// <summary>Builds the request.</summary>
    /// <param name="message">The email.</param>
    /// <param name="options">SendGrid settings.</param>
    /// <param name="unsubscribe">The unsubscribe links; required for marketing email.</param>
    /// <exception cref="ArgumentException">A marketing email without links, or template data that is not a JSON object.</exception>
    public static SendGridMessage Build(OutboundMessage message, SendGridOptions options, UnsubscribeLinks? unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        if (message.Marketing && unsubscribe is null)
        {
            throw new ArgumentException("A marketing email needs its unsubscribe links.", nameof(unsubscribe));
        }

        var mail = new SendGridMessage();
        mail.SetFrom(new EmailAddress(message.From, string.IsNullOrWhiteSpace(message.FromName) ? null : message.FromName));
        if (!string.IsNullOrWhiteSpace(message.ReplyTo))
        {
            mail.SetReplyTo(new EmailAddress(message.ReplyTo));
        }

        mail.AddTo(new EmailAddress(message.To));
        AddContent(mail, message, unsubscribe);
        mail.AddGlobalCustomArg(SendGridArgs.MessageId, message.MessageId);
        if (!string.IsNullOrEmpty(message.JourneyId))
        {
            mail.AddGlobalCustomArg(SendGridArgs.Journey, message.JourneyId);
        }

        if (!string.IsNullOrEmpty(message.NodeId))
        {
            mail.AddGlobalCustomArg(SendGridArgs.Step, message.NodeId);
        }

        if (Categories(message) is { Count: > 0 } categories)
        {
            mail.AddCategories(categories);
        }

        if (message.Marketing)
        {
            mail.AddGlobalHeader(ListUnsubscribeHeader, unsubscribe!.ListUnsubscribeHeader);
            mail.AddGlobalHeader(ListUnsubscribePostHeader, UnsubscribeLinks.OneClickPostValue);
            if (options.UnsubscribeGroupId is { } group)
            {
                mail.SetAsm(group);
            }
        }

        mail.SetClickTracking(options.ClickTracking, options.ClickTracking);
        mail.SetOpenTracking(options.OpenTracking);
        mail.SetSubscriptionTracking(false);
        mail.SetSandBoxMode(options.SandboxMode);
        return mail;
    }

    /// <summary>The categories: the message's own, then <c>journey:{id}</c> and <c>step:{node}</c>; deduplicated, at most ten.</summary>
    /// <param name="message">The email.</param>
    public static List<string> Categories(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var all = new List<string?> { message.Category };
        all.AddRange(message.Categories ?? []);
        all.Add(string.IsNullOrEmpty(message.JourneyId) ? null : "journey:" + message.JourneyId);
        all.Add(string.IsNullOrEmpty(message.NodeId) ? null : "step:" + message.NodeId);
        return all
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c!.Trim())
            .Select(c => c.Length > SendGridArgs.MaxCategoryLength ? c[..SendGridArgs.MaxCategoryLength] : c)
            .Distinct(StringComparer.Ordinal)
            .Take(SendGridArgs.MaxCategories)
            .ToList();
    }

    private static void AddContent(SendGridMessage mail, OutboundMessage message, UnsubscribeLinks? unsubscribe)
    {
        if (!string.IsNullOrEmpty(message.ProviderTemplateId))
        {
            mail.SetTemplateId(message.ProviderTemplateId);
            if (message.TemplateData is { } data && data.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("TemplateData must be a JSON object.", nameof(message));
            }

            // The SDK serialises with Newtonsoft; a JObject keeps nested arrays and objects as they are.
            var values = message.TemplateData is { } given ? JObject.Parse(given.GetRawText()) : [];
            if (message.Marketing && unsubscribe is not null && !values.ContainsKey(UnsubscribeUrlField))
            {
                // The template's own footer link ({{unsubscribe_url}}) goes to the same one-click endpoint as the header.
                values[UnsubscribeUrlField] = unsubscribe.OneClickUrl;
            }

            if (values.Count > 0)
            {
                mail.SetTemplateData(values);
            }

            if (!string.IsNullOrEmpty(message.Subject))
            {
                mail.SetSubject(message.Subject);
            }

            return;
        }

        mail.SetSubject(message.Subject ?? string.Empty);
        mail.AddContent(global::SendGrid.MimeType.Text, message.Body);
        if (!string.IsNullOrEmpty(message.HtmlBody))
        {
            mail.AddContent(global::SendGrid.MimeType.Html, message.HtmlBody);
        }
    }
}
