using Microsoft.AspNetCore.Http;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary><c>POST /api/webhooks/bigcommerce</c>: BigCommerce hooks, authenticated by the shared-secret header configured on the hook.</summary>
public static class BigCommerceWebhook
{
    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.BigCommerceWebhook,
        new HttpTrigger("webhooks/bigcommerce", ["POST"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var options = context.Options();
        if (WebhookSecrets.VerifyBigCommerce(options, request.Headers[options.BigCommerceSecretHeader]) is not { } signature)
        {
            return WebhookProblems.NotConfigured("BigCommerce", nameof(IngestionOptions.BigCommerceSecret));
        }

        if (signature != SignatureStatus.Valid)
        {
            return WebhookProblems.BadSignature("BigCommerce", signature);
        }

        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        var body = await WebhookIntake.ReadBodyAsync(request, context.CancellationToken).ConfigureAwait(false);

        // The scope in the body says what happened; the mapper reads it.
        var headers = WebhookIntake.ForwardedHeaders(request, options.BigCommerceSecretHeader);
        return await context.Intake().AcceptAsync(EventSource.BigCommerce, string.Empty, headers, body, context.CancellationToken).ConfigureAwait(false);
    }
}
