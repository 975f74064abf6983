namespace Nurture.Functions.Templates;

/// <summary>Answer of <c>GET /api/templates</c>.</summary>
/// <param name="Count">How many templates there are.</param>
/// <param name="Templates">Every template.</param>
public sealed record TemplateList(int Count, IReadOnlyList<TemplateView> Templates);
