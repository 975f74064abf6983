namespace Nurture.Functions.Templates;

/// <summary>The body of <c>POST /api/templates/{templateId}/preview</c>: placeholder values to render with.</summary>
/// <param name="Values">Values by placeholder name (e.g. <c>first_name</c>); placeholders without one render empty.</param>
public sealed record TemplatePreviewRequest(IReadOnlyDictionary<string, string?>? Values);
