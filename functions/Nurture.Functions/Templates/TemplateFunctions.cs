using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Templates;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Templates;

/// <summary>
/// The message templates journeys send (function key): save, read, list and preview. A journey that names a
/// template that does not exist is refused at publish.
/// </summary>
public sealed partial class TemplateFunctions(JourneyStorage journeyStorage)
{
    /// <summary>Longest template body, in characters (a rich HTML email fits).</summary>
    public const int MaxBodyLength = 200_000;

    /// <summary>Longest subject, in characters.</summary>
    public const int MaxSubjectLength = 998;

    /// <summary><c>PUT /api/templates/{templateId}</c>: creates or replaces a template.</summary>
    [Function(FunctionNames.SaveTemplate)]
    [ApiRequestBody(typeof(TemplateDocument))]
    [ApiResponse(StatusCodes.Status200OK, typeof(TemplateView), Description = "Saved.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The id or the template is not valid.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not application/json.")]
    public async Task<IActionResult> SaveTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "templates/{templateId}")] HttpRequest request, string templateId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await SaveAsync(request, templateId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>GET /api/templates/{templateId}</c>.</summary>
    [Function(FunctionNames.GetTemplate)]
    [ApiResponse(StatusCodes.Status200OK, typeof(TemplateView))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such template.")]
    public async Task<IActionResult> GetTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates/{templateId}")] HttpRequest request, string templateId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await GetAsync(request, templateId, cancellationToken).ConfigureAwait(false));

    /// <summary><c>GET /api/templates</c>.</summary>
    [Function(FunctionNames.ListTemplates)]
    [ApiResponse(StatusCodes.Status200OK, typeof(TemplateList))]
    public async Task<IActionResult> ListTemplatesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await ListAsync(request, cancellationToken).ConfigureAwait(false));

    /// <summary><c>POST /api/templates/{templateId}/preview</c>: renders the template with the given values.</summary>
    [Function(FunctionNames.PreviewTemplate)]
    [ApiRequestBody(typeof(TemplatePreviewRequest), Required = false, Description = "Placeholder values; leave the body out to see every placeholder unfilled.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(TemplatePreview))]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a preview request.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such template.")]
    public async Task<IActionResult> PreviewTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "templates/{templateId}/preview")] HttpRequest request, string templateId,
        CancellationToken cancellationToken) =>
        ResultAction.From(await PreviewAsync(request, templateId, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> SaveAsync(HttpRequest request, string templateId, CancellationToken cancellationToken)
    {
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
            document = await JsonSerializer.DeserializeAsync<TemplateDocument>(request.Body, ApiJson.Options, cancellationToken).ConfigureAwait(false);
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
        var templates = await TemplatesAsync(cancellationToken).ConfigureAwait(false);
        await templates.SaveAsync(template, cancellationToken).ConfigureAwait(false);
        return ApiJson.Result(View(template));
    }

    private async Task<IResult> GetAsync(HttpRequest request, string templateId, CancellationToken cancellationToken)
    {
        var template = IdPattern().IsMatch(templateId)
            ? await (await TemplatesAsync(cancellationToken).ConfigureAwait(false)).GetAsync(templateId, cancellationToken).ConfigureAwait(false)
            : null;
        return template is null ? NotFound(templateId) : ApiJson.Result(View(template));
    }

    private async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var templates = await (await TemplatesAsync(cancellationToken).ConfigureAwait(false)).ListAsync(cancellationToken).ConfigureAwait(false);
        var views = templates.Select(View).ToList();
        return ApiJson.Result(new TemplateList(views.Count, views));
    }

    private async Task<IResult> PreviewAsync(HttpRequest request, string templateId, CancellationToken cancellationToken)
    {
        var template = IdPattern().IsMatch(templateId)
            ? await (await TemplatesAsync(cancellationToken).ConfigureAwait(false)).GetAsync(templateId, cancellationToken).ConfigureAwait(false)
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
                : await JsonSerializer.DeserializeAsync<TemplatePreviewRequest>(request.Body, ApiJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Invalid("The body is not a preview request.", $"Send {{\"values\": {{\"first_name\": \"Ana\"}}}}: {e.Message}");
        }

        var values = preview?.Values ?? new Dictionary<string, string?>();
        var unfilled = Placeholders(template).Where(name => !values.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))).ToList();
        return ApiJson.Result(new TemplatePreview(
            template.Id,
            template.Subject is null ? null : TemplateRenderer.Render(template.Subject, values),
            TemplateRenderer.Render(template.Body, values),
            unfilled));
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

    private static TemplateView View(MessageTemplate template) => new(template.Id, template.Subject, template.Body, Placeholders(template));

    private async Task<TemplateStore> TemplatesAsync(CancellationToken cancellationToken)
    {
        var storage = journeyStorage;
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return storage.Templates;
    }


    private static IResult Invalid(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static IResult NotFound(string templateId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such template.", detail: $"There is no template '{templateId}'; PUT one to /api/templates/{templateId}.");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.]+$")]
    private static partial Regex PlaceholderPattern();
}
