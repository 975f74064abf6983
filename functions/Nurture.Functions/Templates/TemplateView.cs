namespace Nurture.Functions.Templates;

/// <summary>A template as the API answers with it.</summary>
/// <param name="TemplateId">The template id journeys name.</param>
/// <param name="Subject">The email subject; left out when the template has none.</param>
/// <param name="Body">The message text with its <c>{{placeholder}}</c>s.</param>
/// <param name="Placeholders">The placeholder names in subject and body, in order of appearance.</param>
public sealed record TemplateView(string TemplateId, string? Subject, string Body, IReadOnlyList<string> Placeholders);
