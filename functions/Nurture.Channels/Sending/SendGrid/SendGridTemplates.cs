using System.Text.RegularExpressions;

namespace Nurture.Channels.Sending.SendGrid;

/// <summary>SendGrid's dynamic template ids: <c>d-</c> followed by 32 hex characters.</summary>
public static partial class SendGridTemplates
{
    /// <summary>Whether a template id names a SendGrid dynamic template rather than one of our stored templates.</summary>
    /// <param name="templateId">The id a send node names.</param>
    public static bool IsDynamicTemplateId(string? templateId) => templateId is not null && DynamicId().IsMatch(templateId);

    [GeneratedRegex("^d-[0-9a-f]{32}$")]
    private static partial Regex DynamicId();
}
