namespace Nurture.Channels.Templates;

/// <summary>A message template: <c>{{placeholder}}</c> text for the subject (email) and body.</summary>
/// <param name="Id">The template id journeys name.</param>
/// <param name="Body">Body text.</param>
/// <param name="Subject">Email subject; null to use the journey node's.</param>
public sealed record MessageTemplate(string Id, string Body, string? Subject = null);
