using System.Text.Json;
using Nurture.Channels.Unsubscribe;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Sending;

/// <summary>A rendered message, ready for a channel.</summary>
/// <remarks>
/// The positional members are what every channel needs; the init-only members are the per-shop and per-provider
/// details (sender name, reply-to, unsubscribe links, SendGrid dynamic templates, the SMS opt-out line). Channels
/// that have no use for a member ignore it.
/// </remarks>
/// <param name="MessageId">Deterministic message id (the send ledger's key; providers get it as an idempotency key).</param>
/// <param name="Channel">Email or SMS.</param>
/// <param name="ContactId">The recipient contact.</param>
/// <param name="To">Email address or E.164 phone number.</param>
/// <param name="From">Sender address or number (the shop's; a Twilio sender from settings wins for SMS).</param>
/// <param name="Subject">Email subject; null for SMS.</param>
/// <param name="Body">Rendered body (plain text for email).</param>
/// <param name="TemplateId">The template it was rendered from.</param>
/// <param name="Category">Category for reporting, if any.</param>
/// <param name="JourneyId">The journey that sent it, if any.</param>
/// <param name="NodeId">The journey node that sent it, if any.</param>
public sealed record OutboundMessage(
    string MessageId,
    MessageChannel Channel,
    string ContactId,
    string To,
    string From,
    string? Subject,
    string Body,
    string TemplateId,
    string? Category = null,
    string? JourneyId = null,
    string? NodeId = null)
{
    /// <summary>The shop it is sent for (scopes the unsubscribe token); null for a single-shop setup.</summary>
    public string? ShopId { get; init; }

    /// <summary>The sender's display name (email), per shop.</summary>
    public string? FromName { get; init; }

    /// <summary>The reply-to address (email), per shop.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Whether it is a marketing message: marketing email always carries one-click unsubscribe headers.</summary>
    public bool Marketing { get; init; } = true;

    /// <summary>Rendered HTML body (email), sent next to the plain-text <see cref="Body"/>.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>More reporting categories; journey and step categories are added by the channel.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>A SendGrid dynamic template id (<c>d-...</c>): when set, SendGrid renders it with <see cref="TemplateData"/> instead of our body.</summary>
    public string? ProviderTemplateId { get; init; }

    /// <summary>The dynamic template's data (a JSON object).</summary>
    public JsonElement? TemplateData { get; init; }

    /// <summary>The unsubscribe links; built from the contact, channel and shop by the channel when null.</summary>
    public UnsubscribeLinks? Unsubscribe { get; init; }

    /// <summary>Whether the shop's settings ask for the SMS opt-out line ("Reply STOP to opt out") at the end of the body.</summary>
    public bool AppendSmsOptOut { get; init; }

    /// <summary>The shop's own opt-out line; the channel's configured line when null.</summary>
    public string? SmsOptOutText { get; init; }
}
