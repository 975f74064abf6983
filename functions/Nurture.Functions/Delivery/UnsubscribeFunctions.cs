using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Channels.Unsubscribe;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Delivery;

/// <summary>
/// The unsubscribe links of every marketing message, on signed tokens per contact, channel and shop:
/// <c>POST /api/unsubscribe?token=...</c> is RFC 8058 one-click (a mail client posts
/// <c>List-Unsubscribe=One-Click</c>, no further interaction), <c>GET</c> shows a small page whose button posts.
/// </summary>
/// <remarks>
/// A GET never unsubscribes (link scanners fetch links). Both are idempotent: the consent change is keyed by the
/// token, so a second POST changes nothing, and both answer the same.
/// </remarks>
public sealed class UnsubscribeFunctions(IOptions<UnsubscribeOptions> options, IServiceProvider services, RecipientEffects recipients, TimeProvider clock)
{
    /// <summary>The consent source a one-click unsubscribe records.</summary>
    public const string Source = "unsubscribe:link";

    /// <summary>Answers <c>POST /api/unsubscribe?token=...</c>: consent for the token's channel turns off.</summary>
    [Function(FunctionNames.Unsubscribe)]
    [ApiQuery(UnsubscribeLinkBuilder.TokenParameter, Required = true, Description = "The signed token from the message's link.")]
    [ApiResponse(StatusCodes.Status200OK, Description = "Unsubscribed (now or before): a short HTML confirmation.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The token is malformed, forged or expired.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "Channels:Unsubscribe:Secret is not configured.")]
    public async Task<IActionResult> UnsubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Verify(request, out var problem) is not { } token)
        {
            return problem!;
        }

        // The token names the contact; an erased contact has nothing left to unsubscribe, and the answer is the same.
        await recipients.WithdrawConsentAsync(token.ContactId, token.Channel, Source, "unsubscribe:" + token.ContactId + "|" + token.ShopId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Page(HttpStatusCode.OK, "You are unsubscribed", $"You will get no more {Describe(token.Channel)} from us.", form: null);
    }

    /// <summary>Answers <c>GET /api/unsubscribe?token=...</c>: a page that asks to confirm.</summary>
    [Function(FunctionNames.UnsubscribePage)]
    [ApiQuery(UnsubscribeLinkBuilder.TokenParameter, Required = true, Description = "The signed token from the message's link.")]
    [ApiResponse(StatusCodes.Status200OK, Description = "A short HTML page with a button that posts the unsubscribe.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The token is malformed, forged or expired.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "Channels:Unsubscribe:Secret is not configured.")]
    public IActionResult UnsubscribePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Verify(request, out var problem) is not { } token)
        {
            return problem!;
        }

        var action = "?" + UnsubscribeLinkBuilder.TokenParameter + "=" + Uri.EscapeDataString(request.Query[UnsubscribeLinkBuilder.TokenParameter].ToString());
        return Page(HttpStatusCode.OK, "Unsubscribe", $"Stop getting {Describe(token.Channel)} from us?", action);
    }

    private UnsubscribeToken? Verify(HttpRequest request, out IActionResult? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(options.Value.Secret))
        {
            problem = ResultAction.From(Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Unsubscribe links are not configured.",
                detail: "Set Channels:Unsubscribe:Secret (at least 32 bytes) to accept unsubscribe links."));
            return null;
        }

        var verification = services.GetRequiredService<UnsubscribeTokens>().Verify(request.Query[UnsubscribeLinkBuilder.TokenParameter].ToString(), clock.GetUtcNow());
        if (!verification.IsValid)
        {
            problem = Page(HttpStatusCode.BadRequest, "This link does not work", verification.Status == UnsubscribeTokenStatus.Expired
                ? "The link has expired. Use the link in a recent message, or reply to it to unsubscribe."
                : "The link is not valid. Use the link in a recent message, or reply to it to unsubscribe.", form: null);
            return null;
        }

        return verification.Token;
    }

    private static string Describe(MessageChannel channel) => channel == MessageChannel.Sms ? "text messages" : "marketing email";

    private static IActionResult Page(HttpStatusCode status, string title, string text, string? form)
    {
        var button = form is null ? string.Empty : $"""<form method="post" action="{WebUtility.HtmlEncode(form)}"><button type="submit">Unsubscribe</button></form>""";
        var html = $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{button}</body></html>""";
        return ResultAction.From(Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, (int)status));
    }
}
