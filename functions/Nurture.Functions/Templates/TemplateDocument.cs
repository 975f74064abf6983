namespace Nurture.Functions.Templates;

/// <summary>The body of <c>PUT /api/templates/{templateId}</c>.</summary>
/// <param name="Body">The message text with <c>{{placeholder}}</c>s (the email's HTML or text, or the SMS).</param>
/// <param name="Subject">The email subject; leave out for SMS, or to take the journey node's.</param>
public sealed record TemplateDocument(string? Body, string? Subject = null);
