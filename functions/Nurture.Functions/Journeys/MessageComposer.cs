using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Channels.Sending;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Shops;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>
/// Renders a journey's send command into a message: recipient address, the shop's sender settings, and either a
/// stored template rendered with the contact's values or a SendGrid dynamic template with those values as its data.
/// </summary>
/// <remarks>
/// The sender is the send node's <c>channel.sender</c> when it names one (the marketer's choice for that step), else
/// the shop's (<c>Channels:Shops:{shop}</c>, falling back to <c>Channels:Shops:default</c>). The from-name and reply-to
/// always come from the shop. Whether an SMS carries the shop's opt-out line follows its
/// <see cref="SmsOptOutPolicy"/>; "first SMS" is judged from the send ledger, leaving out this message itself, so a
/// re-run of the same send composes the same body.
/// </remarks>
public sealed class MessageComposer
{
    private readonly TemplateStore _templates;
    private readonly ChannelOptions _channels;
    private readonly SendLedger _ledger;

    /// <summary>Creates the composer.</summary>
    /// <param name="templates">The template store.</param>
    /// <param name="channels">The channel settings (per-shop senders).</param>
    /// <param name="ledger">The send ledger (earlier SMS to the contact).</param>
    public MessageComposer(TemplateStore templates, ChannelOptions channels, SendLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(ledger);
        _templates = templates;
        _channels = channels;
        _ledger = ledger;
    }

    /// <summary>Renders the message, or says why it cannot be.</summary>
    /// <param name="send">The send command.</param>
    /// <param name="recipient">The contact, or null when unknown.</param>
    /// <param name="shop">The shop it is sent for (the domain its events carry), or null for the default shop.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ComposedMessage> ComposeAsync(SendMessage send, JourneyRecipient? recipient, string? shop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(send);
        var email = send.Channel == MessageChannel.Email;
        var to = email ? recipient?.Email : recipient?.Phone;
        if (string.IsNullOrWhiteSpace(to))
        {
            return new ComposedMessage(null, $"no {(email ? "email address" : "phone number")} for the contact");
        }

        var settings = _channels.ForShop(shop);
        var from = send.Sender ?? (email ? settings.EmailFrom : settings.SmsFrom);
        if (email && string.IsNullOrWhiteSpace(from))
        {
            return new ComposedMessage(null, $"no sender: the send node names none and {ChannelOptions.SectionName}:Shops has no EmailFrom for shop '{shop ?? ShopKeys.Default}' or '{ShopKeys.Default}'");
        }

        var values = Values(send, recipient!, shop);
        var rendered = SendGridTemplates.IsDynamicTemplateId(send.TemplateId)
            ? Dynamic(send, recipient!, to, from ?? string.Empty, values, shop)
            : await StoredAsync(send, to, from ?? string.Empty, values, cancellationToken).ConfigureAwait(false);
        if (rendered.Message is not { } message)
        {
            return rendered;
        }

        message = message with
        {
            Marketing = send.Marketing,
            ShopId = string.IsNullOrWhiteSpace(shop) ? null : ShopKeys.Normalize(shop),
            FromName = email ? settings.EmailFromName : null,
            ReplyTo = email ? settings.ReplyTo : null,
        };
        if (!email)
        {
            message = message with
            {
                AppendSmsOptOut = await WantsOptOutAsync(send, settings.SmsOptOut ?? SmsOptOutPolicy.FirstMessage, cancellationToken).ConfigureAwait(false),
                SmsOptOutText = settings.SmsOptOutText,
            };
        }

        return new ComposedMessage(message, null);
    }

    private async Task<ComposedMessage> StoredAsync(SendMessage send, string to, string from, Dictionary<string, string?> values, CancellationToken cancellationToken)
    {
        var template = await _templates.GetAsync(send.TemplateId, cancellationToken).ConfigureAwait(false);
        if (template is null)
        {
            return new ComposedMessage(null, $"template '{send.TemplateId}' does not exist");
        }

        var subject = send.Channel == MessageChannel.Email ? TemplateRenderer.Render(template.Subject ?? send.Subject ?? string.Empty, values) : null;
        return new ComposedMessage(Message(send, to, from, subject, TemplateRenderer.Render(template.Body, values)), null);
    }

    private static ComposedMessage Dynamic(SendMessage send, JourneyRecipient recipient, string to, string from, Dictionary<string, string?> values, string? shop)
    {
        if (send.Channel != MessageChannel.Email)
        {
            return new ComposedMessage(null, $"template '{send.TemplateId}' is a SendGrid dynamic template id: SMS need a stored template");
        }

        var subject = send.Subject is { Length: > 0 } given ? TemplateRenderer.Render(given, values) : null;
        var data = TemplateData(send, recipient, shop, subject);
        var message = Message(send, to, from, subject, string.Empty) with { ProviderTemplateId = send.TemplateId, TemplateData = data };
        return new ComposedMessage(message, null);
    }

    private static OutboundMessage Message(SendMessage send, string to, string from, string? subject, string body) =>
        new(send.MessageId, send.Channel, send.ContactId, to, from, subject, body, send.TemplateId, send.Category, send.JourneyId, send.NodeId);

    private async Task<bool> WantsOptOutAsync(SendMessage send, SmsOptOutPolicy policy, CancellationToken cancellationToken)
    {
        if (policy == SmsOptOutPolicy.Never)
        {
            return false;
        }

        if (policy == SmsOptOutPolicy.EveryMarketing && send.Marketing)
        {
            return true;
        }

        return !await _ledger.HasSentOtherAsync(send.ContactId, MessageChannel.Sms, send.MessageId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The dynamic template's data: the same names stored templates use (<c>first_name</c>, <c>contact_id</c>,
    /// <c>journey_id</c>, <c>message_id</c>, <c>order_count</c>, <c>shop</c>, <c>subject</c>), then the contact's
    /// attributes with their JSON types kept.
    /// </summary>
    private static JsonElement TemplateData(SendMessage send, JourneyRecipient recipient, string? shop, string? subject)
    {
        var data = new JsonObject
        {
            ["first_name"] = recipient.FirstName,
            ["contact_id"] = send.ContactId,
            ["journey_id"] = send.JourneyId,
            ["message_id"] = send.MessageId,
            ["order_count"] = recipient.Contact.OrderCount,
        };
        if (!string.IsNullOrWhiteSpace(shop))
        {
            data["shop"] = shop;
        }

        if (subject is not null)
        {
            data["subject"] = subject;
        }

        foreach (var (name, value) in recipient.Contact.AttributesOrEmpty)
        {
            data.TryAdd(name, JsonNode.Parse(value.GetRawText()));
        }

        return JsonSerializer.SerializeToElement(data);
    }

    private static Dictionary<string, string?> Values(SendMessage send, JourneyRecipient recipient, string? shop)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["first_name"] = recipient.FirstName,
            ["contact_id"] = send.ContactId,
            ["journey_id"] = send.JourneyId,
            ["message_id"] = send.MessageId,
        };
        if (!string.IsNullOrWhiteSpace(shop))
        {
            values["shop"] = shop;
        }

        foreach (var (name, value) in recipient.Contact.AttributesOrEmpty)
        {
            values.TryAdd(name, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
        }

        values.TryAdd("order_count", recipient.Contact.OrderCount.ToString(CultureInfo.InvariantCulture));
        return values;
    }
}
