using Nurture.Channels.Sending.Resilience;
using Nurture.Channels.Sending.Sms;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Nurture.Channels.Sending.Twilio;

/// <summary>
/// Provider-side idempotency for SMS. Twilio keeps no custom data on a message and does not echo the status callback
/// URL on the message resource, so a message cannot be found by our id: the check reads one page of the
/// recipient's messages (newest first) and looks for an outbound message created since the first attempt with
/// exactly the body we would send.
/// </summary>
/// <remarks>
/// What stays uncertain: a body Twilio changed (trial prefix is tolerated; a Messaging Service's smart encoding or
/// link shortening is not) is not recognised and answers <see cref="AcceptanceAnswer.Unknown"/>; another message with
/// the same body to the same number since the first attempt is taken for ours (the check errs toward not sending
/// twice); more than one page of messages to the number since the attempt answers unknown.
/// </remarks>
public sealed partial class TwilioChannel
{
    private const string OutboundApi = "outbound-api";

    /// <inheritdoc />
    public async Task<AcceptanceCheck> CheckAcceptedAsync(OutboundMessage message, DateTimeOffset attemptedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var check = await CheckCoreAsync(message, attemptedSince, cancellationToken).ConfigureAwait(false);
        ChannelsLog.Checked(_logger, ProviderName, message.MessageId, check.Answer, check.Reason);
        return check;
    }

    private async Task<AcceptanceCheck> CheckCoreAsync(OutboundMessage message, DateTimeOffset attemptedSince, CancellationToken cancellationToken)
    {
        var body = SmsBody.Compose(message, _options.OptOutText);
        var read = new ReadMessageOptions { To = new PhoneNumber(message.To), PageSize = _options.LookupPageSize, Limit = _options.LookupPageSize };
        if (string.IsNullOrEmpty(_options.MessagingServiceSid))
        {
            read.From = new PhoneNumber(Sender(message));
        }

        List<MessageResource> page;
        using (ProviderCallScope.Begin(cancellationToken))
        {
            try
            {
                var set = await MessageResource.ReadAsync(read, _client).ConfigureAwait(false);
                page = set.Take(_options.LookupPageSize).ToList();
            }
            catch (ApiException e)
            {
                return AcceptanceCheck.Unknown("Twilio refused the message list: " + e.Code);
            }
            catch (ApiConnectionException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return AcceptanceCheck.Unknown("Twilio did not answer the message list");
            }
        }

        var windowStart = attemptedSince - _options.LookupClockSkew;
        var recent = page
            .Where(m => m.Direction?.ToString() == OutboundApi && Utc(m.DateCreated) is { } created && created >= windowStart)
            .Where(m => string.IsNullOrEmpty(_options.MessagingServiceSid) || m.MessagingServiceSid == _options.MessagingServiceSid)
            .ToList();
        var same = recent.Where(m => m.Body is { } sent && (sent == body || sent.EndsWith(body, StringComparison.Ordinal))).ToList();
        if (same.Count > 0)
        {
            var first = same.OrderBy(m => Utc(m.DateCreated)).First();
            var count = SmsSegments.Count(body);
            var result = ChannelSendResult.Sent(first.Sid) with { Segments = count.Segments, Encoding = count.Encoding };
            return AcceptanceCheck.Accepted(result, same.Count == 1 ? "one message with this body since the first attempt" : same.Count + " messages with this body since the first attempt; the oldest is taken");
        }

        var pageFull = page.Count >= _options.LookupPageSize;
        var oldestInWindow = page.Count > 0 && page.Min(m => Utc(m.DateCreated) ?? DateTimeOffset.MinValue) >= windowStart;
        if (pageFull && oldestInWindow)
        {
            return AcceptanceCheck.Unknown("more than one page of messages to the number since the first attempt");
        }

        return recent.Count == 0
            ? AcceptanceCheck.NotAccepted("no outbound message to the number since the first attempt")
            : AcceptanceCheck.Unknown(recent.Count + " outbound messages to the number since the first attempt, none with this exact body");
    }

    private static DateTimeOffset? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
