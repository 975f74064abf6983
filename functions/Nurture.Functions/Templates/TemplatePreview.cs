namespace Nurture.Functions.Templates;

/// <summary>Answer of <c>POST /api/templates/{templateId}/preview</c>: the template rendered with the given values.</summary>
/// <param name="TemplateId">The template.</param>
/// <param name="Subject">The rendered subject; left out when the template has none.</param>
/// <param name="Body">The rendered body.</param>
/// <param name="Unfilled">Placeholders no value was given for (they render empty).</param>
public sealed record TemplatePreview(string TemplateId, string? Subject, string Body, IReadOnlyList<string> Unfilled);
