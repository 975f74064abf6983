using Nurture.Channels.Sending;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Shops;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Validation;

namespace Nurture.Functions.Journeys;

/// <summary>
/// The checks a journey document cannot make on its own: every template its send nodes name exists (or is a SendGrid
/// dynamic template id, for email), every email has a subject (from its template or its node), and every email has a
/// sender (its node's, or the default shop's).
/// </summary>
public static class TemplateReferences
{
    /// <summary>The problems, with the same paths the validator uses.</summary>
    /// <param name="definition">The journey.</param>
    /// <param name="templates">The template store.</param>
    /// <param name="channels">The channel settings; null skips the sender check.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<IReadOnlyList<ValidationProblem>> CheckAsync(JourneyDefinition definition, TemplateStore templates, ChannelOptions? channels = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(templates);
        var problems = new List<ValidationProblem>();
        var found = new Dictionary<string, MessageTemplate?>(StringComparer.Ordinal);
        var nodes = definition.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not SendNode send)
            {
                continue;
            }

            var email = send.MessageChannel == MessageChannel.Email;
            if (email && channels is not null && string.IsNullOrWhiteSpace(send.Channel?.Sender) && string.IsNullOrWhiteSpace(channels.ForShop(null).EmailFrom))
            {
                problems.Add(new($"nodes[{i}].channel.sender", $"send_email '{send.Id}' names no sender and {ChannelOptions.SectionName}:Shops:{ShopKeys.Default}:EmailFrom is not set: name one here or set the shop's default"));
            }

            if (send.Template is not { Length: > 0 } templateId || (email && SendGridTemplates.IsDynamicTemplateId(templateId)))
            {
                // A SendGrid dynamic template lives at SendGrid, with its own subject.
                continue;
            }

            if (!found.TryGetValue(templateId, out var template))
            {
                template = await templates.GetAsync(templateId, cancellationToken).ConfigureAwait(false);
                found[templateId] = template;
            }

            if (template is null)
            {
                problems.Add(new($"nodes[{i}].template", $"{send.Type} '{send.Id}' uses template '{templateId}', which does not exist; PUT it to /api/templates/{templateId} first"));
            }
            else if (email && string.IsNullOrWhiteSpace(template.Subject) && string.IsNullOrWhiteSpace(send.Channel?.Subject))
            {
                problems.Add(new($"nodes[{i}].channel.subject", $"send_email '{send.Id}' has no subject: neither template '{templateId}' nor the node's channel settings give one"));
            }
        }

        return problems;
    }
}
