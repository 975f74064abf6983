using Microsoft.AspNetCore.Http;
using Nurture.Channels.Webhooks;

namespace Nurture.Functions.Ingestion;

/// <summary>Authenticating a Twilio post: the signature covers the public URL Twilio called plus the sorted form fields.</summary>
internal static class TwilioRequest
{
    /// <summary>Reads and verifies the post; the error result is null when it is authentic.</summary>
    public static async Task<(byte[] Body, IResult? Error)> VerifyAsync(HttpRequest request, IngestionOptions options, CancellationToken cancellationToken)
    {
        if (options.TwilioAuthToken is not { Length: > 0 } token)
        {
            return ([], WebhookProblems.NotConfigured("Twilio", nameof(IngestionOptions.TwilioAuthToken)));
        }

        if (!WebhookIntake.HasContentType(request, "application/x-www-form-urlencoded"))
        {
            return ([], WebhookProblems.WrongContentType("application/x-www-form-urlencoded", request.ContentType));
        }

        var body = await WebhookIntake.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var status = new TwilioSignatureVerifier(token).Verify(PublicUrl(request, options), FormBody.Parse(body), request.Headers[TwilioSignatureVerifier.HeaderName]);
        return status == SignatureStatus.Valid ? (body, null) : ([], WebhookProblems.BadSignature("Twilio", status));
    }

    /// <summary>The URL Twilio called: the configured public base (behind a proxy) or the request's own.</summary>
    public static string PublicUrl(HttpRequest request, IngestionOptions options)
    {
        var pathAndQuery = request.PathBase + request.Path + request.QueryString;
        return options.TwilioPublicBaseUrl is { Length: > 0 } publicBase
            ? publicBase.TrimEnd('/') + pathAndQuery
            : request.Scheme + "://" + request.Host + pathAndQuery;
    }
}
