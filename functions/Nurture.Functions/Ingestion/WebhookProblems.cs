using Microsoft.AspNetCore.Http;
using Nurture.Channels.Ingestion;
using Nurture.Channels.Webhooks;

namespace Nurture.Functions.Ingestion;

/// <summary>The problem+json answers of the ingestion endpoints, each saying what to fix.</summary>
internal static class WebhookProblems
{
    public static IResult BadSignature(string provider, SignatureStatus status) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: $"The {provider} signature could not be verified.",
        detail: status switch
        {
            SignatureStatus.MissingSignature => "The signature header is missing.",
            SignatureStatus.BadEncoding => "The signature header is not a well-formed base64 signature.",
            SignatureStatus.MissingTimestamp => "The signature timestamp header is missing.",
            SignatureStatus.StaleTimestamp => "The signature timestamp is too old or in the future; the delivery may be a replay.",
            _ => "The signature does not match the body and the configured secret.",
        });

    public static IResult NotConfigured(string provider, string setting, string? shop = null) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: $"{provider} webhooks are not configured.",
        detail: string.IsNullOrWhiteSpace(shop)
            ? $"Set '{IngestionOptions.Section}:{setting}' so deliveries can be verified."
            : $"Set '{IngestionOptions.Section}:{setting}', or the shop's own secret under '{IngestionOptions.Section}:Shops' (Shop '{WebhookSecrets.Normalize(shop)}'), so deliveries from it can be verified.");

    public static IResult Misconfigured(string provider, string setting, string expected) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: $"{provider} webhooks are misconfigured.",
        detail: $"'{IngestionOptions.Section}:{setting}' must be {expected}.");

    public static IResult WrongContentType(string expected, string? actual) => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type.",
        detail: $"Send '{expected}'; got '{actual ?? "none"}'.");

    public static IResult Invalid(IReadOnlyList<MappingError> errors) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The body is not a valid delivery.",
        detail: string.Join("; ", errors.Take(20).Select(e => e.ToString())) + (errors.Count > 20 ? $"; and {errors.Count - 20} more" : string.Empty),
        extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToArray() });

    public static IResult MissingHeader(string header) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "A required header is missing.",
        detail: $"Send the '{header}' header.");
}
