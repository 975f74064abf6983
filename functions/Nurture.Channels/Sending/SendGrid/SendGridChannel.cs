using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending.Resilience;
using Nurture.Channels.Unsubscribe;
using Nurture.Core.Journeys.Model;
using Polly.Timeout;
using SendGrid;

namespace Nurture.Channels.Sending.SendGrid;

/// <summary>Email through SendGrid's Mail Send API, with one shared SDK client.</summary>
/// <remarks>
/// 202 (or 200 in sandbox mode) is "sent" under <c>X-Message-Id</c>. 429 and 5xx are retried inside the call
/// (see <see cref="ProviderHttpClient"/>) and then answered as transient; other 4xx are permanent with SendGrid's
/// reason. A request that may have reached SendGrid before it failed is transient with
/// <see cref="ChannelSendResult.MayHaveBeenAccepted"/>: check with <see cref="CheckAcceptedAsync"/> before resending.
/// </remarks>
public sealed partial class SendGridChannel : IMessageChannel
{
    /// <summary>The name of the shared HTTP client.</summary>
    public const string HttpClientName = "Nurture.SendGrid";

    /// <summary>The provider's name in logs and results.</summary>
    public const string ProviderName = "SendGrid";

    private const string MessageIdHeader = "X-Message-Id";

    private readonly ISendGridClient _client;
    private readonly SendGridOptions _options;
    private readonly UnsubscribeLinkBuilder? _links;
    private readonly TimeProvider _clock;
    private readonly ILogger<SendGridChannel> _logger;

    /// <summary>Creates the channel.</summary>
    /// <param name="client">The shared SDK client (its HTTP client carries the retry pipeline).</param>
    /// <param name="options">SendGrid settings.</param>
    /// <param name="links">Builds unsubscribe links for marketing email that comes without them; null if not configured.</param>
    /// <param name="clock">The clock (token issue time, activity-feed delay).</param>
    /// <param name="logger">The logger.</param>
    public SendGridChannel(ISendGridClient client, IOptions<SendGridOptions> options, UnsubscribeLinkBuilder? links, TimeProvider clock, ILogger<SendGridChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _options = options.Value;
        _links = links;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != MessageChannel.Email)
        {
            throw new ArgumentException("SendGrid sends email only; route SMS to the SMS channel.", nameof(message));
        }

        var links = message.Unsubscribe ?? (message.Marketing ? _links?.Build(message.ContactId, MessageChannel.Email, message.ShopId, _clock.GetUtcNow()) : null);
        if (message.Marketing && links is null)
        {
            return Refused(message, ChannelSendResult.Permanent(
                ChannelFailureKind.Account,
                "nurture:no_unsubscribe",
                "marketing email needs a one-click unsubscribe link: set Channels:PublicBaseUrl and Channels:Unsubscribe:Secret"));
        }

        var mail = SendGridMessageBuilder.Build(message, _options, links);
        using var scope = ProviderCallScope.Begin(cancellationToken);
        Response response;
        try
        {
            response = await _client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnanswered(e, cancellationToken))
        {
            return NotNow(message, ChannelSendResult.Transient(
                ChannelFailureKind.Unavailable,
                scope.LastStatus is { } last ? "http_" + (int)last : null,
                "SendGrid did not answer: " + e.GetType().Name,
                scope.RequestedDelay,
                mayHaveBeenAccepted: scope.RequestMayHaveArrived));
        }

        if (response.IsSuccessStatusCode)
        {
            var providerId = response.Headers.TryGetValues(MessageIdHeader, out var ids) ? ids.FirstOrDefault() : null;
            ChannelsLog.Accepted(_logger, ProviderName, message.MessageId, providerId);
            return new ChannelSendResult(ChannelSendStatus.Sent, providerId);
        }

        var body = response.Body is null ? null : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var result = SendGridErrors.Classify(response.StatusCode, body, scope.RequestedDelay);
        return result.Status == ChannelSendStatus.TransientFailure ? NotNow(message, result) : Refused(message, result);
    }

    /// <summary>True for failures that leave the call without an answer: timeouts and broken connections, not the caller's cancellation.</summary>
    /// <param name="e">What the SDK call threw.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    internal static bool IsUnanswered(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutRejectedException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private ChannelSendResult Refused(OutboundMessage message, ChannelSendResult result)
    {
        ChannelsLog.Refused(_logger, ProviderName, message.MessageId, result.ErrorCode, result.Failure, result.Recipient);
        return result;
    }

    private ChannelSendResult NotNow(OutboundMessage message, ChannelSendResult result)
    {
        ChannelsLog.NotNow(_logger, ProviderName, message.MessageId, result.Failure, result.ErrorCode, result.RetryAfter, result.MayHaveBeenAccepted);
        return result;
    }

    private static bool IsNotAvailable(HttpStatusCode status) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.PaymentRequired;
}
