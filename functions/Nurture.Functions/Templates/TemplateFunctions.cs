using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Templates;
using Nurture.Functions.Catalog;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;

namespace Nurture.Functions.Templates;

/// <summary>
/// The message templates journeys send (function key): save, read, list and preview. A journey that names a
/// template that does not exist is refused at publish.
/// </summary>
public static partial class TemplateFunctions
{
    /// <summary>Longest template body, in characters (a rich HTML email fits).</summary>
    public const int MaxBodyLength = 200_000;

    /// <summary>Longest subject, in characters.</summary>
    public const int MaxSubjectLength = 998;

    /// <summary><c>PUT /api/templates/{templateId}</c>: creates or replaces a template.</summary>
    public static HttpFunction SaveTemplate { get; } = new(
        FunctionNames.SaveTemplate,
        new HttpTrigger("templates/{templateId}", ["PUT"], AuthorizationLevel.Function),
        SaveAsync);

    /// <summary><c>GET /api/templates/{templateId}</c>.</summary>
    public static HttpFunction GetTemplate { get; } = new(
        FunctionNames.GetTemplate,
        new HttpTrigger("templates/{templateId}", ["GET"], AuthorizationLevel.Function),
        GetAsync);

    /// <summary><c>GET /api/templates</c>.</summary>
    public static HttpFunction ListTemplates { get; } = new(
        FunctionNames.ListTemplates,
        new HttpTrigger("templates", ["GET"], AuthorizationLevel.Function),
        ListAsync);

    /// <summary><c>POST /api/templates/{templateId}/preview</c>: renders the template with the given values.</summary>
    public static HttpFunction PreviewTemplate { get; } = new(
        FunctionNames.PreviewTemplate,
        new HttpTrigger("templates/{templateId}/preview", ["POST"], AuthorizationLevel.Function),
        PreviewAsync);

    private static async Task<IResult> SaveAsync(HttpRequest request, FunctionContext context)
    {
        var templateId = TemplateId(request);
        if (!IdPattern().IsMatch(templateId))
        {
            return Invalid("The template id is not valid.", $"'{templateId}' must be 1 to 128 letters, digits, '-', '_' or '.'.");
        }

        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        TemplateDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<TemplateDocument>(request.Body, JsonSerializerOptions.Web, context.CancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Invalid("The body is not a template.", $"Send {{\"body\": \"Hi {{{{first_name}}}}\", \"subject\": \"...\"}}: {e.Message}");
        }

        if (Problem(document) is { } problem)
        {
            return Invalid("The template is not valid.", problem);
        }

        var template = new MessageTemplate(templateId, document!.Body!, string.IsNullOrWhiteSpace(document.Subject) ? null : document.Subject);
        var templates = await TemplatesAsync(context).ConfigureAwait(false);
        await templates.SaveAsync(template, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(View(template));
    }

    private static async Task<IResult> GetAsync(HttpRequest request, FunctionContext context)
    {
        var templateId = TemplateId(request);
        var template = IdPattern().IsMatch(templateId)
            ? await (await TemplatesAsync(context).ConfigureAwait(false)).GetAsync(templateId, context.CancellationToken).ConfigureAwait(false)
            : null;
        return template is null ? NotFound(templateId) : Results.Json(View(template));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, FunctionContext context)
    {
        var templates = await (await TemplatesAsync(context).ConfigureAwait(false)).ListAsync(context.CancellationToken).ConfigureAwait(false);
        return Results.Json(new { templates = templates.Select(View) });
    }

    private static async Task<IResult> PreviewAsync(HttpRequest request, FunctionContext context)
    {
        var templateId = TemplateId(request);
        var template = IdPattern().IsMatch(templateId)
            ? await (await TemplatesAsync(context).ConfigureAwait(false)).GetAsync(templateId, context.CancellationToken).ConfigureAwait(false)
            : null;
        if (template is null)
        {
            return NotFound(templateId);
        }

        TemplatePreviewRequest? preview;
        try
        {
            preview = request.ContentLength is 0 or null && !request.Headers.ContainsKey("Transfer-Encoding")
                ? null
                : await JsonSerializer.DeserializeAsync<TemplatePreviewRequest>(request.Body, JsonSerializerOptions.Web, context.CancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Invalid("The body is not a preview request.", $"Send {{\"values\": {{\"first_name\": \"Ana\"}}}}: {e.Message}");
        }

        var values = preview?.Values ?? new Dictionary<string, string?>();
        var unfilled = Placeholders(template).Where(name => !values.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))).ToList();
        return Results.Json(new
        {
            templateId = template.Id,
            subject = template.Subject is null ? null : TemplateRenderer.Render(template.Subject, values),
            body = TemplateRenderer.Render(template.Body, values),
            unfilled,
        });
    }

    private static string? Problem(TemplateDocument? document)
    {
        if (string.IsNullOrWhiteSpace(document?.Body))
        {
            return "body is required.";
        }

        if (document.Body.Length > MaxBodyLength)
        {
            return $"body is {document.Body.Length} characters; at most {MaxBodyLength} are accepted.";
        }

        if (document.Subject is { Length: > MaxSubjectLength })
        {
            return $"subject is {document.Subject.Length} characters; at most {MaxSubjectLength} are accepted.";
        }

        foreach (var (field, text) in new[] { ("subject", document.Subject), ("body", document.Body) })
        {
            if (text is null)
            {
                continue;
            }

            if (TemplateRenderer.UnclosedPlaceholderAt(text) is var at and >= 0)
            {
                return $"{field} opens a placeholder at character {at} that is never closed with '}}}}'.";
            }

            if (TemplateRenderer.Placeholders(text).FirstOrDefault(name => !PlaceholderPattern().IsMatch(name)) is { } bad)
            {
                return $"{field} has a placeholder '{{{{{bad}}}}}'; a placeholder name is letters, digits, '_' and '.'.";
            }
        }

        return null;
    }

    private static List<string> Placeholders(MessageTemplate template) =>
        TemplateRenderer.Placeholders((template.Subject ?? string.Empty) + "\n" + template.Body).ToList();

    private static object View(MessageTemplate template) =>
        new { templateId = template.Id, subject = template.Subject, body = template.Body, placeholders = Placeholders(template) };

    private static async Task<TemplateStore> TemplatesAsync(FunctionContext context)
    {
        var storage = context.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        return storage.Templates;
    }

    private static string TemplateId(HttpRequest request) => request.RouteValues["templateId"] as string ?? string.Empty;

    private static IResult Invalid(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static IResult NotFound(string templateId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such template.", detail: $"There is no template '{templateId}'; PUT one to /api/templates/{templateId}.");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.]+$")]
    private static partial Regex PlaceholderPattern();
}
