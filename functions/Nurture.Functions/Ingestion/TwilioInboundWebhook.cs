using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Channels.Webhooks;
using Nurture.Core.Events;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// <c>POST /api/webhooks/twilio/inbound</c>: messages shoppers send. STOP/START/HELP keywords change SMS consent
/// (through the queue, like every event) and are answered with TwiML.
/// </summary>
public static class TwilioInboundWebhook
{
    /// <summary>What HELP is answered with.</summary>
    public const string HelpReply = "Reply STOP to stop messages, START to receive them again.";

    /// <summary>What START is answered with.</summary>
    public const string StartReply = "You will receive our messages again. Reply STOP to stop.";

    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.TwilioInboundWebhook,
        new HttpTrigger("webhooks/twilio/inbound", ["POST"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var (body, error) = await TwilioRequest.VerifyAsync(request, context.Options(), context.CancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var accepted = await context.Intake().AcceptAsync(EventSource.Twilio, TwilioMapper.InboundTopic, WebhookIntake.ForwardedHeaders(request), body, context.CancellationToken).ConfigureAwait(false);
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
