using System.Globalization;
using Nurture.Channels.Sending;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Renders a journey's send command into a message: template, recipient address and placeholder values.</summary>
public sealed class MessageComposer
{
    private readonly TemplateStore _templates;

    /// <summary>Creates the composer.</summary>
    /// <param name="templates">The template store.</param>
    public MessageComposer(TemplateStore templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = templates;
    }

    /// <summary>Renders the message, or says why it cannot be.</summary>
    /// <param name="send">The send command.</param>
    /// <param name="recipient">The contact, or null when unknown.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ComposedMessage> ComposeAsync(SendMessage send, JourneyRecipient? recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(send);
        var to = send.Channel == MessageChannel.Email ? recipient?.Email : recipient?.Phone;
        if (string.IsNullOrWhiteSpace(to))
        {
            return new ComposedMessage(null, $"no {(send.Channel == MessageChannel.Email ? "email address" : "phone number")} for the contact");
        }

        var template = await _templates.GetAsync(send.TemplateId, cancellationToken).ConfigureAwait(false);
        if (template is null)
        {
            return new ComposedMessage(null, $"template '{send.TemplateId}' does not exist");
        }

        var values = Values(send, recipient!);
        var subject = send.Channel == MessageChannel.Email ? TemplateRenderer.Render(template.Subject ?? send.Subject ?? string.Empty, values) : null;
        var message = new OutboundMessage(
            send.MessageId,
            send.Channel,
            send.ContactId,
            to,
            send.Sender,
            subject,
            TemplateRenderer.Render(template.Body, values),
            send.TemplateId,
            send.Category,
            send.JourneyId,
            send.NodeId)
        {
            Marketing = send.Marketing,
        };
        return new ComposedMessage(message, null);
    }

    private static Dictionary<string, string?> Values(SendMessage send, JourneyRecipient recipient)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["first_name"] = recipient.FirstName,
            ["contact_id"] = send.ContactId,
            ["journey_id"] = send.JourneyId,
            ["message_id"] = send.MessageId,
        };
        foreach (var (name, value) in recipient.Contact.AttributesOrEmpty)
        {
            values.TryAdd(name, value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText());
        }

        values.TryAdd("order_count", recipient.Contact.OrderCount.ToString(CultureInfo.InvariantCulture));
        return values;
    }
}
