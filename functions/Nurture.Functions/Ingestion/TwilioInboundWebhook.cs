using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// <c>POST /api/webhooks/twilio/inbound</c>: messages shoppers send. STOP/START/HELP keywords change SMS consent
/// (through the queue, like every event) and are answered with TwiML.
/// </summary>
public sealed class TwilioInboundWebhook(IOptions<IngestionOptions> options, WebhookIntake intake)
{
    /// <summary>What HELP is answered with.</summary>
    public const string HelpReply = "Reply STOP to stop messages, START to receive them again.";

    /// <summary>What START is answered with.</summary>
    public const string StartReply = "You will receive our messages again. Reply STOP to stop.";

    /// <summary>Answers <c>POST /api/webhooks/twilio/inbound</c>.</summary>
    [Function(FunctionNames.TwilioInboundWebhook)]
    [ApiHeader(TwilioSignatureVerifier.HeaderName, Required = true, Description = "Twilio's signature of the public URL and the form fields.")]
    [ApiRequestBody(typeof(Dictionary<string, string>), ContentType = "application/x-www-form-urlencoded", Description = "Twilio's form fields.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(string), ContentType = TwimlReply.ContentType, Description = "TwiML: the reply to HELP or START, empty otherwise.")]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not a valid delivery; errors names every bad field.")]
    [ApiResponse(StatusCodes.Status401Unauthorized, Description = "The signature does not verify.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not of the expected media type.")]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Description = "The webhook secret is not configured.")]
    public async Task<IActionResult> TwilioInboundWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/twilio/inbound")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, error) = await TwilioRequest.VerifyAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var accepted = await intake.AcceptAsync(EventSource.Twilio, TwilioMapper.InboundTopic, WebhookIntake.ForwardedHeaders(request), body, cancellationToken).ConfigureAwait(false);
        if (accepted is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status202Accepted })
        {
            return accepted;
        }

        // Opt-outs get no reply of ours: the carrier and Twilio confirm STOP themselves.
        var reply = SmsKeywords.Classify(FormBody.Get(FormBody.Parse(body), "Body")) switch
        {
            SmsKeyword.Help => HelpReply,
            SmsKeyword.OptIn => StartReply,
            _ => null,
        };
        return Results.Content(TwimlReply.Build(reply), TwimlReply.ContentType);
    }
}
