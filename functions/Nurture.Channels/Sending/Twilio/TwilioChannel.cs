using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending.Resilience;
using Nurture.Channels.Sending.Sms;
using Nurture.Core.Journeys.Model;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Nurture.Channels.Sending.Twilio;

/// <summary>SMS through Twilio's Messages API, with one shared SDK client.</summary>
/// <remarks>
/// The sender is the Messaging Service when one is configured, else the message's own E.164 sender, else the
/// configured from-number. Every message asks for status callbacks at our status webhook with our message id in the
/// URL. The result records the segments and encoding of the body as sent (opt-out line included).
/// </remarks>
public sealed partial class TwilioChannel : IMessageChannel
{
    /// <summary>The name of the shared HTTP client.</summary>
    public const string HttpClientName = "Nurture.Twilio";

    /// <summary>The provider's name in logs and results.</summary>
    public const string ProviderName = "Twilio";

    /// <summary>The longest body Twilio takes.</summary>
    public const int MaxBodyLength = 1600;

    private readonly ITwilioRestClient _client;
    private readonly TwilioOptions _options;
    private readonly string _publicBaseUrl;
    private readonly TimeProvider _clock;
    private readonly ILogger<TwilioChannel> _logger;

    /// <summary>Creates the channel.</summary>
    /// <param name="client">The shared SDK client (its HTTP client carries the retry pipeline).</param>
    /// <param name="options">Twilio settings.</param>
    /// <param name="channels">Channel settings (the public base URL of the status callback).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">The logger.</param>
    public TwilioChannel(ITwilioRestClient client, IOptions<TwilioOptions> options, IOptions<ChannelOptions> channels, TimeProvider clock, ILogger<TwilioChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _options = options.Value;
        _publicBaseUrl = channels.Value.PublicBaseUrl ?? throw new InvalidOperationException(ChannelOptions.SectionName + ":PublicBaseUrl is required for Twilio status callbacks.");
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != MessageChannel.Sms)
        {
            throw new ArgumentException("Twilio sends SMS only; route email to the email channel.", nameof(message));
        }

        var body = SmsBody.Compose(message, _options.OptOutText);
        var count = SmsSegments.Count(body);
        if (body.Length > MaxBodyLength)
        {
            return Refused(message, ChannelSendResult.Permanent(ChannelFailureKind.Request, "nurture:body_too_long", $"the SMS body is {body.Length} characters; Twilio takes at most {MaxBodyLength}") with { Segments = count.Segments, Encoding = count.Encoding });
        }

        var create = new CreateMessageOptions(new PhoneNumber(message.To))
        {
            Body = body,
            StatusCallback = TwilioStatusCallback.Build(_publicBaseUrl, _options.StatusCallbackPath, message.MessageId),
        };
        SetSender(create, message);
        using var scope = ProviderCallScope.Begin(cancellationToken);
        ChannelSendResult result;
        try
        {
            var created = await MessageResource.CreateAsync(create, _client).ConfigureAwait(false);
            ChannelsLog.Accepted(_logger, ProviderName, message.MessageId, created.Sid);
            return ChannelSendResult.Sent(created.Sid) with { Segments = count.Segments, Encoding = count.Encoding };
        }
        catch (ApiConnectionException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = ChannelSendResult.Transient(ChannelFailureKind.Unavailable, null, "Twilio did not answer: " + (e.InnerException?.GetType().Name ?? e.GetType().Name), scope.RequestedDelay, scope.RequestMayHaveArrived);
        }
        catch (ApiException e)
        {
            var status = e.Status != 0 ? (System.Net.HttpStatusCode)e.Status : scope.LastStatus;
            result = TwilioErrors.Classify(e.Code, status, e.Message, scope.RequestedDelay);
        }

        result = result with { Segments = count.Segments, Encoding = count.Encoding };
        if (result.Status == ChannelSendStatus.TransientFailure)
        {
            ChannelsLog.NotNow(_logger, ProviderName, message.MessageId, result.Failure, result.ErrorCode, result.RetryAfter, result.MayHaveBeenAccepted);
            return result;
        }

        return Refused(message, result);
    }

    private void SetSender(CreateMessageOptions create, OutboundMessage message)
    {
        if (!string.IsNullOrEmpty(_options.MessagingServiceSid))
        {
            create.MessagingServiceSid = _options.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(Sender(message));
        }
    }

    private string Sender(OutboundMessage message) =>
        TwilioOptionsValidator.IsE164(message.From) ? message.From : _options.FromNumber ?? message.From;

    private ChannelSendResult Refused(OutboundMessage message, ChannelSendResult result)
    {
        ChannelsLog.Refused(_logger, ProviderName, message.MessageId, result.ErrorCode, result.Failure, result.Recipient);
        return result;
    }
}
