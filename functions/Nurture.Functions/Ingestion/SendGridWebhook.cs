using Microsoft.AspNetCore.Http;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary><c>POST /api/webhooks/sendgrid</c>: the SendGrid Event Webhook, authenticated by its ECDSA signature; stale timestamps are refused.</summary>
public static class SendGridWebhook
{
    /// <summary>The topic the SendGrid mapper reads.</summary>
    public const string Topic = "events";

    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.SendGridWebhook,
        new HttpTrigger("webhooks/sendgrid", ["POST"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var options = context.Options();
        if (options.SendGridVerificationKey is not { Length: > 0 } key)
        {
            return WebhookProblems.NotConfigured("SendGrid", nameof(IngestionOptions.SendGridVerificationKey));
        }

        var body = await WebhookIntake.ReadBodyAsync(request, context.CancellationToken).ConfigureAwait(false);
        SendGridSignatureVerifier verifier;
        try
        {
            verifier = new SendGridSignatureVerifier(key, options.SendGridTimestampTolerance);
        }
        catch (ArgumentException)
        {
            return WebhookProblems.Misconfigured("SendGrid", nameof(IngestionOptions.SendGridVerificationKey), "the base64 verification key shown in SendGrid's Event Webhook settings");
        }

        var signature = verifier.Verify(
            body,
            request.Headers[SendGridSignatureVerifier.SignatureHeaderName],
            request.Headers[SendGridSignatureVerifier.TimestampHeaderName],
            context.Time().GetUtcNow());
        if (signature != SignatureStatus.Valid)
        {
            return WebhookProblems.BadSignature("SendGrid", signature);
        }

        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        return await context.Intake().AcceptAsync(EventSource.SendGrid, Topic, WebhookIntake.ForwardedHeaders(request), body, context.CancellationToken).ConfigureAwait(false);
    }
}
